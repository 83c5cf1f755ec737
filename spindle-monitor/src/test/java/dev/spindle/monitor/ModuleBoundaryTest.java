package dev.spindle.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The module requires the HTTP module transitively (its API installs into an App) and Micrometer only
 * optionally, for apps that already use it. What every module shares (only the API and SPI packages exported, no internal type in a
 * public signature, Javadoc on every public type) is checked for all of them in spindle-bench's
 * ModuleBoundariesTest.
 */
class ModuleBoundaryTest {

    @Test
    void requiresHttpTransitivelyAndMicrometerOptionally() throws Exception {
        Path classes = Path.of(LoopMonitor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertThat(descriptor.requires()).anySatisfy(requires -> {
            assertThat(requires.name()).isEqualTo("dev.spindle.http");
            assertThat(requires.modifiers()).contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE);
        });
        assertThat(descriptor.requires()).anySatisfy(requires -> {
            assertThat(requires.name()).isEqualTo("micrometer.core");
            assertThat(requires.modifiers()).contains(ModuleDescriptor.Requires.Modifier.STATIC);
        });
    }
}
