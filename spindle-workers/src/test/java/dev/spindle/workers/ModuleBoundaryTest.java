package dev.spindle.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module exports its API and SPI packages only, and the API never mentions an internal type. */
class ModuleBoundaryTest {

    static final List<Class<?>> API = List.of(Workers.class, WorkerPoolOptions.class, WorkerPoolStats.class,
            TaskOptions.class, Cancellation.class, WorkersException.class, WorkerPoolFullException.class,
            WorkerPoolClosedException.class, TaskCancelledException.class, TaskTimeoutException.class,
            LoopAffinityException.class, ForkedProcess.class, ForkOptions.class, ParentChannel.class);

    @Test
    void onlyTheApiAndSpiPackagesAreExported() throws Exception {
        Path classes = Path.of(Workers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertThat(descriptor.name()).isEqualTo("dev.spindle.workers");
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("dev.spindle.workers", "dev.spindle.workers.spi");
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
