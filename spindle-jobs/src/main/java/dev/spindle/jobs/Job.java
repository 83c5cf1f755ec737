package dev.spindle.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spindle.jobs.internal.Json;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a stored job, as {@link JobQueue#get} answers it. Immutable.
 *
 * @param id the job's id
 * @param name the job's name: which processor runs it
 * @param state where the job is; {@link JobState#DELAYED} is a waiting job whose run time has not come
 * @param payload the payload, as JSON
 * @param priority larger runs first
 * @param attemptsMade attempts started and not given back: finished ones plus the running one
 *     (a stalled attempt, whose process died, is given back and counted in {@code stalls})
 * @param maxAttempts how many attempts the job may make
 * @param stalls how many times the job was recovered after its processor stopped renewing its lease
 * @param progress the last progress its handler reported, as JSON; {@code 0} until then
 * @param result the handler's result, as JSON, once {@link JobState#COMPLETED}; else null
 * @param error the last failed attempt's error (type and message), or null when none failed
 * @param createdAt when it was added
 * @param runAt when it may run (or ran, for an active or finished job)
 * @param startedAt when its latest attempt started, or null
 * @param finishedAt when it completed or failed for good, or null
 */
public record Job(
        JobId id,
        String name,
        JobState state,
        JsonNode payload,
        int priority,
        int attemptsMade,
        int maxAttempts,
        int stalls,
        JsonNode progress,
        JsonNode result,
        String error,
        Instant createdAt,
        Instant runAt,
        Instant startedAt,
        Instant finishedAt) {

    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(progress, "progress");
    }

    /** The payload converted to {@code type} by Jackson. */
    public <T> T payload(Class<T> type) {
        return Json.convert(payload, type);
    }

    /** The result converted to {@code type} by Jackson, once the job completed. */
    public <T> Optional<T> result(Class<T> type) {
        return Optional.ofNullable(result).map(node -> Json.convert(node, type));
    }

    /** The error of the last failed attempt, if any. */
    public Optional<String> lastError() {
        return Optional.ofNullable(error);
    }
}
