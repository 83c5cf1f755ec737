package dev.spindle.jobs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spindle.jobs.JobContext;
import dev.spindle.jobs.JobId;
import dev.spindle.jobs.spi.JobRecord;
import dev.spindle.jobs.spi.Lease;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Timer;
import dev.spindle.workers.Cancellation;
import java.util.function.BiConsumer;

/**
 * One running attempt of a job: its lease, its context, its timeout and its progress writes. The
 * attempt ends once ({@link #end()}): by the handler's outcome, its timeout, or the queue closing;
 * whatever comes later is ignored. Loop thread only, except the {@link JobContext} methods.
 */
final class ActiveJob implements JobContext {

    final JobRecord record;
    final Lease lease;
    private final Loop loop;
    private final JsonNode payload;
    private final Cancellation cancellation = Cancellation.create();
    private final BiConsumer<ActiveJob, ProgressUpdate> progressSink;
    private volatile boolean ended;
    Timer timeout;
    boolean settling; // the handler ended; the outcome is being stored (Processor's slot accounting)
    final ProgressWriter progressWriter;

    /** A progress value as reported, with its JSON text. */
    record ProgressUpdate(JsonNode value, String json) {}

    ActiveJob(Loop loop, JobRecord record, ProgressWriter progressWriter, BiConsumer<ActiveJob, ProgressUpdate> progressSink) {
        this.loop = loop;
        this.record = record;
        this.lease = record.lease();
        this.payload = Json.read(record.payloadJson());
        this.progressWriter = progressWriter;
        this.progressSink = progressSink;
    }

    /** Ends the attempt; true the first time only. Loop thread. */
    boolean end() {
        if (ended) {
            return false;
        }
        ended = true;
        if (timeout != null) {
            timeout.close();
        }
        return true;
    }

    boolean ended() {
        return ended;
    }

    // ---------------------------------------------------------------- JobContext, any thread

    @Override
    public JobId id() {
        return record.id();
    }

    @Override
    public String name() {
        return record.name();
    }

    @Override
    public JsonNode payload() {
        return payload;
    }

    @Override
    public <T> T payload(Class<T> type) {
        return Json.convert(payload, type);
    }

    @Override
    public int attempt() {
        return record.attemptsMade();
    }

    @Override
    public int maxAttempts() {
        return record.maxAttempts();
    }

    @Override
    public void progress(Object value) {
        if (ended) {
            return;
        }
        JsonNode node = Json.tree(value);
        ProgressUpdate update = new ProgressUpdate(node, Json.write(node));
        if (loop.inLoop()) {
            progressSink.accept(this, update);
        } else {
            loop.execute(() -> progressSink.accept(this, update));
        }
    }

    @Override
    public Cancellation cancellation() {
        return cancellation;
    }

    @Override
    public String toString() {
        return "job " + record.id() + " (" + record.name() + ", attempt " + record.attemptsMade() + ")";
    }
}
