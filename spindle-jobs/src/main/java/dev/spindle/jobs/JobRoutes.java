package dev.spindle.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spindle.http.Handler;
import dev.spindle.http.HttpException;
import dev.spindle.http.Request;
import dev.spindle.http.Response;
import dev.spindle.http.Router;
import dev.spindle.jobs.internal.Json;
import dev.spindle.loop.RejectedTaskException;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The HTTP binding of a {@link JobQueue}: a {@link Router} to mount at a prefix, by convention
 * {@code app.use("/jobs", JobRoutes.router(queue))}.
 * <ul>
 *   <li>{@code POST /jobs/:name} with a JSON body (the payload; empty means null) adds a job and
 *       answers {@code 202 Accepted}, {@code Location: /jobs/{id}} and {@code {"id": "..."}} as
 *       soon as the job is stored. An {@code Idempotency-Key} header becomes the job's idempotency
 *       key: the same key answers the same id. A body that is not JSON answers 400; a name the
 *       router does not allow, 404; a queue that cannot take the job now, {@code 503} with
 *       {@code Retry-After: 1}.</li>
 *   <li>{@code GET /jobs/:id} answers the job as JSON: {@code id}, {@code name}, {@code state}
 *       (waiting, delayed, active, completed, failed), {@code progress}, {@code result} (null until
 *       completed), {@code error}, {@code attempts}, {@code maxAttempts}, {@code stalls} and the
 *       times as ISO-8601 text; 404 for an unknown (or removed) id.</li>
 * </ul>
 * The handlers run on the loop; every store call they make runs on the blocking pool.
 */
public final class JobRoutes {

    /** The request header whose value becomes the job's idempotency key. */
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private JobRoutes() {}

    /** The routes, for any job name. */
    public static Router router(JobQueue queue) {
        return router(queue, Set.of());
    }

    /** The routes; {@code POST} accepts only the names in {@code allowedNames} (all names when empty). */
    public static Router router(JobQueue queue, Set<String> allowedNames) {
        Objects.requireNonNull(queue, "queue");
        Set<String> allowed = Set.copyOf(allowedNames);
        return Router.create()
                .post("/:name", Handler.async((req, res) -> {
                    String name = req.param("name");
                    if (!allowed.isEmpty() && !allowed.contains(name)) {
                        throw new HttpException(404, "no job named '" + name + "' may be added here");
                    }
                    JobOptions options = options(req);
                    return req.body().bytes()
                            .flatMap(body -> queue.add(name, payload(body), options))
                            .then(id -> res.status(202).header("Location", parentOf(req.path()) + "/" + id)
                                    .json(Map.of("id", id.value())))
                            .recover(error -> busy(error, res));
                }))
                .get("/:id", Handler.async((req, res) -> queue.get(jobId(req.param("id"))).then(job ->
                        res.json(view(job.orElseThrow(() -> new HttpException(404, "no job " + req.param("id"))))))));
    }

    private static JobOptions options(Request req) {
        String key = req.header(IDEMPOTENCY_KEY_HEADER).orElse(null);
        if (key == null) {
            return JobOptions.DEFAULTS;
        }
        try {
            return JobOptions.builder().idempotencyKey(key).build();
        } catch (IllegalArgumentException e) {
            throw new HttpException(400, e.getMessage());
        }
    }

    private static JsonNode payload(byte[] body) {
        if (body.length == 0) {
            return NullNode.getInstance();
        }
        try {
            return Json.read(body);
        } catch (IOException e) {
            throw new HttpException(400, "the body is not JSON: " + e.getMessage(), e);
        }
    }

    private static JobId jobId(String value) {
        try {
            return JobId.of(value);
        } catch (IllegalArgumentException e) {
            throw new HttpException(404, "no job " + value);
        }
    }

    /** "/jobs/compute" -> "/jobs": where the router is mounted, so Location works under any prefix. */
    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "" : path.substring(0, slash);
    }

    /** A queue that cannot take the job now answers 503 at once; other errors go to the error handlers. */
    private static <T> T busy(Throwable error, Response res) {
        if (error instanceof JobQueueFullException || error instanceof RejectedTaskException) {
            res.status(503).header("Retry-After", "1").json(Map.of("error", error.getMessage()));
            return null;
        }
        throw error instanceof RuntimeException runtime ? runtime : new HttpException(500, String.valueOf(error.getMessage()), error);
    }

    /** The JSON a GET answers. */
    static ObjectNode view(Job job) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", job.id().value());
        node.put("name", job.name());
        node.put("state", job.state().name().toLowerCase(Locale.ROOT));
        node.set("progress", job.progress());
        node.set("result", job.result() == null ? NullNode.getInstance() : job.result());
        node.put("error", job.error());
        node.put("attempts", job.attemptsMade());
        node.put("maxAttempts", job.maxAttempts());
        node.put("stalls", job.stalls());
        node.put("createdAt", text(job.createdAt()));
        node.put("runAt", text(job.runAt()));
        node.put("startedAt", text(job.startedAt()));
        node.put("finishedAt", text(job.finishedAt()));
        return node;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
