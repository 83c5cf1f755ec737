package dev.spindle.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The module requires the loop transitively, since its API shows loop types (Loop, Promise). What every module shares (only the API and SPI packages exported, no internal type in a
 * public signature, Javadoc on every public type) is checked for all of them in spindle-bench's
 * ModuleBoundariesTest.
 */
class ModuleBoundaryTest {

    @Test
    void requiresTheLoopTransitively() throws Exception {
        Path classes = Path.of(TcpServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertThat(descriptor.requires()).anySatisfy(requires -> {
            assertThat(requires.name()).isEqualTo("dev.spindle.loop");
            assertThat(requires.modifiers()).contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE);
        });
    }
}
