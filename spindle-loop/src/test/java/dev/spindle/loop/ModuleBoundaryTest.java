package dev.spindle.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module exports its API and SPI only; every public API type says what it is for. */
class ModuleBoundaryTest {

    @Test
    void onlyTheApiAndSpiPackagesAreExported() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
            ModuleDescriptor descriptor = ModuleDescriptor.read(in);
            assertThat(descriptor.name()).isEqualTo("dev.spindle.loop");
            assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source)
                    .containsExactlyInAnyOrder("dev.spindle.loop", "dev.spindle.loop.spi");
            assertThat(descriptor.requires()).extracting(ModuleDescriptor.Requires::name).containsOnly("java.base");
        }
    }

    @Test
    void everyPublicTypeHasJavadoc() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/dev/spindle/loop"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(path -> {
                String text = read(path);
                boolean isPublic = text.contains("public interface") || text.contains("public final class")
                        || text.contains("public class") || text.contains("public enum") || text.contains("public record")
                        || text.contains("public abstract class");
                if (isPublic) {
                    int declaration = text.indexOf("\npublic ");
                    assertThat(text.substring(0, declaration)).as(path + " has a type Javadoc").contains("/**");
                }
            });
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
