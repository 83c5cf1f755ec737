package dev.spindle.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.jobs.spi.Added;
import dev.spindle.jobs.spi.Claimed;
import dev.spindle.jobs.spi.JobRecord;
import dev.spindle.jobs.spi.JobStore;
import dev.spindle.jobs.spi.Lease;
import dev.spindle.jobs.spi.NewJob;
import dev.spindle.jobs.spi.Recovered;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module exports its API and SPI packages only, and neither mentions an internal type. */
class ModuleBoundaryTest {

    static final List<Class<?>> API = List.of(JobQueue.class, JobQueueOptions.class, JobOptions.class, Backoff.class,
            Retention.class, Job.class, JobId.class, JobState.class, JobContext.class, JobHandler.class,
            WorkerJobHandler.class, JobProcessor.class, JobEvent.class, JobRoutes.class, SqliteStore.class,
            JobsException.class, JobQueueFullException.class, JobQueueClosedException.class, JobTimeoutException.class,
            JobStoreException.class, JobStore.class, NewJob.class, Added.class, Lease.class, JobRecord.class,
            Claimed.class, Recovered.class);

    @Test
    void onlyTheApiAndSpiPackagesAreExported() throws Exception {
        Path classes = Path.of(JobQueue.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertThat(descriptor.name()).isEqualTo("dev.spindle.jobs");
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("dev.spindle.jobs", "dev.spindle.jobs.spi");
    }

    @Test
    void publicSignaturesUseNoInternalType() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> api : API) {
            for (Method method : api.getMethods()) {
                Stream.concat(Stream.of(method.getReturnType()), Stream.of(method.getParameterTypes()))
                        .filter(type -> type.getPackageName().contains(".internal"))
                        .forEach(type -> leaks.add(api.getSimpleName() + "." + method.getName() + " uses " + type.getName()));
            }
        }
        assertThat(leaks).isEmpty();
    }
}
