package dev.spindle.jobs.internal;

import dev.spindle.jobs.Job;
import dev.spindle.jobs.JobEvent;
import dev.spindle.jobs.JobHandler;
import dev.spindle.jobs.JobId;
import dev.spindle.jobs.JobOptions;
import dev.spindle.jobs.JobProcessor;
import dev.spindle.jobs.JobQueue;
import dev.spindle.jobs.JobQueueClosedException;
import dev.spindle.jobs.JobQueueOptions;
import dev.spindle.jobs.JobState;
import dev.spindle.jobs.WorkerJobHandler;
import dev.spindle.jobs.spi.JobRecord;
import dev.spindle.jobs.spi.JobStore;
import dev.spindle.jobs.spi.NewJob;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import dev.spindle.loop.Timer;
import dev.spindle.loop.spi.LoopSpi;
import dev.spindle.workers.TaskOptions;
import dev.spindle.workers.Workers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/** {@link JobQueue} over a {@link JobStore}: the policy (retries, leases, events, retention) lives here. Loop thread only. */
public final class DefaultJobQueue implements JobQueue {

    static final System.Logger LOG = System.getLogger("dev.spindle.jobs");

    private final Loop loop;
    private final LoopSpi spi;
    private final JobStore store;
    private final JobQueueOptions options;
    private final QueueClock clock;
    private final String owner;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final AddHandOff handOff;
    private final Map<String, Processor> processors = new LinkedHashMap<>();
    private final Leases leases;
    private final Trimmer trimmer;
    private final Listeners<JobEvent.Completed> completed;
    private final Listeners<JobEvent.Failed> failed;
    private final Listeners<JobEvent.Progress> progress;
    private final Listeners<JobEvent.Stalled> stalled;
    private Workers workers;
    private Promise<Void> closing;
    private boolean storeClosing;

    public DefaultJobQueue(Loop loop, JobStore store, JobQueueOptions options) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.spi = LoopSpi.of(loop);
        this.store = Objects.requireNonNull(store, "store");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = new QueueClock(loop);
        this.owner = ownerName();
        this.handOff = new AddHandOff(loop, store, options.maxPendingAdds(), options.maxAddBatch(),
                job -> wake(job.name(), job.runAt()));
        this.leases = new Leases(this);
        this.trimmer = new Trimmer(this, options.retention());
        this.completed = new Listeners<>(spi);
        this.failed = new Listeners<>(spi);
        this.progress = new Listeners<>(spi);
        this.stalled = new Listeners<>(spi);
    }

    /** This process and queue, as lease owner: host, pid and a random suffix. */
    private static String ownerName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---------------------------------------------------------------- adding and reading

    @Override
    public Promise<JobId> add(String name, Object payload, JobOptions jobOptions) {
        checkLoopThread();
        checkName(name);
        Objects.requireNonNull(jobOptions, "options");
        if (closing != null) {
            return rejected(new JobQueueClosedException("the job queue is closed"));
        }
        String payloadJson = Json.write(payload);
        long now = clock.now();
        NewJob job = new NewJob(JobId.random(), name, payloadJson, jobOptions.priority(), now + jobOptions.delay().toMillis(),
                jobOptions.attempts(), jobOptions.backoff(), jobOptions.timeout().toMillis(), jobOptions.idempotencyKey(), now);
        return handOff.add(job);
    }

    @Override
    public Promise<Optional<Job>> get(JobId id) {
        checkLoopThread();
        Objects.requireNonNull(id, "id");
        return store.get(id).map(record -> record.map(this::toJob));
    }

    @Override
    public Promise<Map<JobState, Long>> counts() {
        checkLoopThread();
        return store.counts(clock.now());
    }

    private Job toJob(JobRecord record) {
        return new Job(record.id(), record.name(), record.stateAt(clock.now()), Json.read(record.payloadJson()),
                record.priority(), record.attemptsMade(), record.maxAttempts(), record.stalls(),
                Json.progress(record.progressJson()), record.resultJson() == null ? null : Json.read(record.resultJson()),
                record.error(), instant(record.createdAt()), instant(record.runAt()), instant(record.startedAt()),
                instant(record.finishedAt()));
    }

    private static Instant instant(long epochMillis) {
        return epochMillis == 0 ? null : Instant.ofEpochMilli(epochMillis);
    }

    // ---------------------------------------------------------------- processing

    @Override
    public JobProcessor process(String name, int concurrency, JobHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return register(name, concurrency, handler::handle);
    }

    @Override
    public JobProcessor processOnWorkers(String name, int concurrency, WorkerJobHandler handler) {
        Objects.requireNonNull(handler, "handler");
        Workers pool = workers();
        return register(name, concurrency, job -> pool.run(() -> handler.call(job), TaskOptions.ofCancellation(job.cancellation())));
    }

    private Workers workers() {
        if (workers == null) {
            Workers configured = options.workers();
            workers = configured == null ? Workers.shared(loop) : configured.loop() == loop ? configured : configured.on(loop);
        }
        return workers;
    }

    private JobProcessor register(String name, int concurrency, Processor.Runner runner) {
        checkLoopThread();
        checkName(name);
        if (closing != null) {
            throw new IllegalStateException("the job queue is closed");
        }
        if (processors.containsKey(name)) {
            throw new IllegalStateException("jobs '" + name + "' already have a processor in this queue");
        }
        Processor processor = new Processor(this, name, concurrency, runner);
        processors.put(name, processor);
        leases.start();
        return processor;
    }

    void processorClosed(Processor processor) {
        processors.remove(processor.name(), processor);
        if (processors.isEmpty() && closing == null) {
            leases.stop();
        }
    }

    /** A job of {@code name} may be ready at {@code runAt}: wake its processor here, if any. */
    void wake(String name, long runAt) {
        Processor processor = processors.get(name);
        if (processor != null) {
            processor.wake(runAt);
        }
    }

    /** Jobs finished: apply the retention limits. */
    void finished() {
        if (!storeClosing) {
            trimmer.finished();
        }
    }

    void emit(JobEvent event) {
        switch (event) {
            case JobEvent.Completed e -> completed.emit(e);
            case JobEvent.Failed e -> failed.emit(e);
            case JobEvent.Progress e -> progress.emit(e);
            case JobEvent.Stalled e -> stalled.emit(e);
        }
    }

    // ---------------------------------------------------------------- events

    @Override
    public JobQueue onCompleted(Consumer<? super JobEvent.Completed> listener) {
        completed.add(listener);
        return this;
    }

    @Override
    public JobQueue onFailed(Consumer<? super JobEvent.Failed> listener) {
        failed.add(listener);
        return this;
    }

    @Override
    public JobQueue onProgress(Consumer<? super JobEvent.Progress> listener) {
        progress.add(listener);
        return this;
    }

    @Override
    public JobQueue onStalled(Consumer<? super JobEvent.Stalled> listener) {
        stalled.add(listener);
        return this;
    }

    // ---------------------------------------------------------------- closing

    @Override
    public Promise<Void> close() {
        checkLoopThread();
        if (closing != null) {
            return closing.map(x -> x);
        }
        closing = loop.promise();
        List<Processor> open = new ArrayList<>(processors.values());
        List<Promise<Void>> stopped = new ArrayList<>();
        for (Processor processor : open) {
            stopped.add(processor.close());
        }
        Timer deadline = loop.setTimeout(() -> open.forEach(processor ->
                List.copyOf(activeOf(processor)).forEach(processor::abandon)), options.closeTimeout().toMillis()).unref();
        Promise<Void> result = closing;
        Promise.all(stopped)
                .flatMap(x -> handOff.drain())
                .andFinally(() -> {
                    deadline.close();
                    leases.stop();
                })
                .flatMap(x -> trimmer.idle())
                .andFinally(() -> storeClosing = true)
                .flatMap(x -> store.close())
                .whenComplete((x, error) -> {
                    if (error != null) {
                        result.reject(error);
                    } else {
                        result.resolve(null);
                    }
                }).onFailure(error -> { });
        return result.map(x -> x);
    }

    private static Collection<ActiveJob> activeOf(Processor processor) {
        List<ActiveJob> jobs = new ArrayList<>();
        processor.activeJobs().forEach(jobs::add);
        return jobs;
    }

    // ---------------------------------------------------------------- for the parts

    @Override
    public Loop loop() {
        return loop;
    }

    @Override
    public JobQueueOptions options() {
        return options;
    }

    JobStore store() {
        return store;
    }

    QueueClock clock() {
        return clock;
    }

    String owner() {
        return owner;
    }

    RandomGenerator random() {
        return random;
    }

    Collection<Processor> processors() {
        return processors.values();
    }

    private <T> Promise<T> rejected(Throwable error) {
        Promise<T> promise = loop.promise();
        promise.reject(error);
        return promise;
    }

    private void checkLoopThread() {
        if (!loop.inLoop()) {
            throw new IllegalStateException("a job queue belongs to its loop's thread; called from "
                    + Thread.currentThread().getName() + " (use loop.execute() to get there)");
        }
    }

    private static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 128 || name.indexOf('/') >= 0) {
            throw new IllegalArgumentException("a job name is 1-128 characters without '/', was '" + name + "'");
        }
    }

    @Override
    public String toString() {
        return "JobQueue[" + store + ", processors=" + processors.keySet() + "]";
    }
}
