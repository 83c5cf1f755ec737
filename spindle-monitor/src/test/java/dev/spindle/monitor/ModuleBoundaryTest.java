package dev.spindle.monitor;

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

/** The module exports its API package only, Micrometer stays optional, and the API never mentions an internal type. */
class ModuleBoundaryTest {

    @Test
    void onlyTheApiPackageIsExported() throws Exception {
        Path classes = Path.of(LoopMonitor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertThat(descriptor.name()).isEqualTo("dev.spindle.monitor");
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("dev.spindle.monitor");
        assertThat(descriptor.requires()).anySatisfy(requires -> {
            assertThat(requires.name()).isEqualTo("dev.spindle.http");
            assertThat(requires.modifiers()).contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE);
        });
        assertThat(descriptor.requires()).anySatisfy(requires -> {
            assertThat(requires.name()).isEqualTo("micrometer.core");
            assertThat(requires.modifiers()).contains(ModuleDescriptor.Requires.Modifier.STATIC);
        });
    }

    @Test
    void publicSignaturesUseNoInternalType() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> api : List.of(LoopMonitor.class, MonitorOptions.class, MonitorOptions.Builder.class,
                SheddingOptions.class, SheddingOptions.Builder.class, LagHistogram.class, LagSnapshot.class,
                Utilization.class, LabelTime.class, LoopBlock.class, BlockedCallback.class,
                LoopMonitorMeterBinder.class)) {
            for (Method method : api.getMethods()) {
                Stream.concat(Stream.of(method.getReturnType()), Stream.of(method.getParameterTypes()))
                        .filter(type -> type.getPackageName().contains(".internal"))
                        .forEach(type -> leaks.add(api.getSimpleName() + "." + method.getName() + " uses " + type.getName()));
            }
        }
        assertThat(leaks).isEmpty();
    }
}
