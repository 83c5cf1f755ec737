package dev.spindle.load;

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

/** The module exports its API package only, and the API never mentions an internal or third-party type. */
class ModuleBoundaryTest {

    @Test
    void onlyTheApiPackageIsExported() throws Exception {
        Path classes = Path.of(LoadGenerator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertThat(descriptor.name()).isEqualTo("dev.spindle.load");
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("dev.spindle.load");
    }

    @Test
    void publicSignaturesUseNoInternalOrHistogramType() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> api : List.of(LoadGenerator.class, LoadOptions.class, LoadOptions.Builder.class, LoadReport.class,
                LoadProgress.class, Latency.class, ErrorKind.class)) {
            for (Method method : api.getMethods()) {
                Stream.concat(Stream.of(method.getReturnType()), Stream.of(method.getParameterTypes()))
                        .filter(type -> type.getPackageName().contains(".internal") || type.getPackageName().startsWith("org.HdrHistogram"))
                        .forEach(type -> leaks.add(api.getSimpleName() + "." + method.getName() + " uses " + type.getName()));
            }
        }
        assertThat(leaks).isEmpty();
    }
}
