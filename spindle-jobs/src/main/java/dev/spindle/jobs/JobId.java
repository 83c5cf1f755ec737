package dev.spindle.jobs;

import java.util.Objects;
import java.util.UUID;

/**
 * A job's id: an opaque string, unique in its store, that {@link JobQueue#add} answers with and
 * {@link JobQueue#get} takes. Ids made by the queue are random UUIDs; a store may keep ids it is given.
 *
 * @param value the id as text, as it appears in URLs ({@code /jobs/{id}}) and JSON
 */
public record JobId(String value) {

    /** Checks the value: not blank, at most 128 characters, no '/' (it is one URL path segment). */
    public JobId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 128 || value.indexOf('/') >= 0) {
            throw new IllegalArgumentException("a job id is 1-128 characters without '/', was '" + value + "'");
        }
    }

    /** The id {@code value}. */
    public static JobId of(String value) {
        return new JobId(value);
    }

    /** A new random id. */
    public static JobId random() {
        return new JobId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
