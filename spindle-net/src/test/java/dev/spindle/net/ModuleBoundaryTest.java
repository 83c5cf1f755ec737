package dev.spindle.net;

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

/** The module exports its API package only, and the API never mentions an internal type. */
class ModuleBoundaryTest {

    @Test
    void onlyTheApiPackageIsExported() throws Exception {
        Path classes = Path.of(TcpServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertThat(descriptor.name()).isEqualTo("dev.spindle.net");
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("dev.spindle.net");
        assertThat(descriptor.requires()).anySatisfy(requires -> {
            assertThat(requires.name()).isEqualTo("dev.spindle.loop");
            assertThat(requires.modifiers()).contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE);
        });
    }

    @Test
    void publicSignaturesUseNoInternalType() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> api : List.of(TcpServer.class, TcpSocket.class, TcpServerOptions.class,
                TcpSocketOptions.class, NetException.class, ChildProcess.class, SpawnOptions.class, ExecOptions.class,
                ExecResult.class, ExitStatus.class, ReadablePipe.class, WritablePipe.class, ChildProcessException.class)) {
            for (Method method : api.getMethods()) {
                Stream.concat(Stream.of(method.getReturnType()), Stream.of(method.getParameterTypes()))
                        .filter(type -> type.getPackageName().contains(".internal"))
                        .forEach(type -> leaks.add(api.getSimpleName() + "." + method.getName() + " uses " + type.getName()));
            }
        }
        assertThat(leaks).isEmpty();
    }
}
