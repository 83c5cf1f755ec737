import dev.spindle.jobs.JobProcessor;
import dev.spindle.jobs.JobQueue;
import dev.spindle.jobs.JobQueueOptions;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One harness for two builds of the job queue (see before-after.sh): per round, on a new file,
 * 10,000 adds with 1,000 outstanding, then 10,000 completions with an empty handler on the loop
 * (concurrency 100). Uses only API both builds have. Prints adds/s and completions/s per round.
 *
 * <p>Arguments: a label, the number of rounds, the folder for the database files.
 */
public class BeforeAfter {

    static final int JOBS = 10_000;
    static final int OUTSTANDING = 1_000;
    static final int CONCURRENCY = 100;

    public static void main(String[] args) throws Exception {
        String label = args[0];
        int rounds = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory(Path.of(args[2]), "before-after");
        Loop loop = Loop.create();
        for (int round = 0; round < rounds; round++) {
            Path file = dir.resolve("jobs-" + round + ".db");
            JobQueue[] queue = new JobQueue[1];
            loop.execute(() -> queue[0] = JobQueue.open(loop, file, JobQueueOptions.DEFAULTS));
            loop.run();

            int[] sent = {0};
            int[] stored = {0};
            Runnable[] addOne = new Runnable[1];
            addOne[0] = () -> {
                sent[0]++;
                queue[0].add("bench", 1).then(id -> {
                    stored[0]++;
                    if (sent[0] < JOBS) {
                        addOne[0].run();
                    }
                });
            };
            long start = System.nanoTime();
            loop.execute(() -> {
                for (int i = 0; i < OUTSTANDING; i++) {
                    addOne[0].run();
                }
            });
            loop.run();
            long added = System.nanoTime();

            int[] completed = {0};
            JobProcessor[] processor = new JobProcessor[1];
            queue[0].onCompleted(event -> {
                if (++completed[0] == JOBS) {
                    processor[0].close();
                }
            });
            loop.execute(() -> processor[0] = queue[0].process("bench", CONCURRENCY, job -> Promise.resolved(null)));
            loop.run();
            long done = System.nanoTime();

            if (stored[0] != JOBS || completed[0] != JOBS) {
                throw new IllegalStateException("stored " + stored[0] + ", completed " + completed[0]);
            }
            System.out.printf("%s round %d: adds %.0f /s, completions %.0f /s%n", label, round,
                    JOBS / ((added - start) / 1e9), JOBS / ((done - added) / 1e9));
            loop.execute(queue[0]::close);
            loop.run();
            for (File stale : dir.toFile().listFiles()) {
                stale.delete();
            }
        }
        loop.close();
        dir.toFile().delete();
    }
}
