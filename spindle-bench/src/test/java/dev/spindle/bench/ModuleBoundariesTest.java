package dev.spindle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.http.App;
import dev.spindle.jobs.JobQueue;
import dev.spindle.load.LoadGenerator;
import dev.spindle.loop.Loop;
import dev.spindle.monitor.LoopMonitor;
import dev.spindle.net.TcpServer;
import dev.spindle.workers.Workers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Spindle library module exports its API package (and its {@code .spi} package, when it has
 * one) and nothing else; no public type there shows an internal type in a signature; and every
 * public top-level type, internal ones included, has a Javadoc comment. Checked here, where every
 * module is on the class path, on the types the module's compiled classes hold, so a new type is
 * checked without a list.
 */
class ModuleBoundariesTest {

    static Stream<Arguments> modules() {
        return Stream.of(
                Arguments.of("loop", Loop.class),
                Arguments.of("net", TcpServer.class),
                Arguments.of("http", App.class),
                Arguments.of("monitor", LoopMonitor.class),
                Arguments.of("workers", Workers.class),
                Arguments.of("jobs", JobQueue.class),
                Arguments.of("load", LoadGenerator.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void exportsTheApiAndSpiPackagesOnly(String name, Class<?> anchor) {
        ModuleReference module = moduleOf(anchor);
        ModuleDescriptor descriptor = module.descriptor();
        String root = "dev.spindle." + name;
        assertThat(descriptor.name()).isEqualTo(root);
        Set<String> expected = new TreeSet<>(Set.of(root));
        if (descriptor.packages().contains(root + ".spi")) {
            expected.add(root + ".spi");
        }
        assertThat(descriptor.exports()).allSatisfy(export -> assertThat(export.isQualified()).as(export.source()).isFalse());
        Set<String> exported = descriptor.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(exported).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void publicSignaturesShowNoInternalType(String name, Class<?> anchor) {
        List<Class<?>> api = publicTypes(anchor, true);
        assertThat(api).as("the public types of dev.spindle.%s", name).isNotEmpty().contains(anchor);
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : api) {
            List<Type> shown = new ArrayList<>();
            shown.add(type.getGenericSuperclass());
            shown.addAll(List.of(type.getGenericInterfaces()));
            for (Method method : type.getDeclaredMethods()) {
                if (isVisible(method.getModifiers()) && !method.isSynthetic()) {
                    shown.add(method.getGenericReturnType());
                    addSignature(method, shown);
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (isVisible(constructor.getModifiers())) {
                    addSignature(constructor, shown);
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (isVisible(field.getModifiers())) {
                    shown.add(field.getGenericType());
                }
            }
            for (Type each : shown) {
                internalTypesIn(each, type.getName(), leaks);
            }
        }
        assertThat(leaks).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void everyPublicTypeSaysWhatItIsFor(String name, Class<?> anchor) throws IOException {
        Path sources = Path.of("..", "spindle-" + name, "src", "main", "java");
        assertThat(sources).as("the sources of spindle-%s, beside this module", name).isDirectory();
        for (Class<?> type : publicTypes(anchor, false)) {
            if (type.getEnclosingClass() != null) {
                continue; // nested types are documented where they are declared, with their owner
            }
            Path source = sources.resolve(type.getName().replace('.', '/') + ".java");
            String text = Files.readString(source);
            int declaration = text.indexOf("\npublic ");
            assertThat(declaration).as("%s declares a public type", source).isPositive();
            assertThat(text.substring(0, declaration)).as("%s has a type Javadoc", source).contains("/**");
        }
    }

    private static void addSignature(Executable executable, List<Type> shown) {
        shown.addAll(List.of(executable.getGenericParameterTypes()));
        shown.addAll(List.of(executable.getGenericExceptionTypes()));
    }

    private static boolean isVisible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** Adds to {@code leaks} each internal type in {@code type}, type arguments and bounds included. */
    private static void internalTypesIn(Type type, String owner, List<String> leaks) {
        switch (type) {
            case null -> { }
            case Class<?> plain -> {
                Class<?> element = plain;
                while (element.isArray()) {
                    element = element.getComponentType();
                }
                if (element.getPackageName().startsWith("dev.spindle.") && element.getPackageName().contains(".internal")) {
                    leaks.add(owner + " shows " + element.getName());
                }
            }
            case ParameterizedType parameterized -> {
                internalTypesIn(parameterized.getRawType(), owner, leaks);
                for (Type argument : parameterized.getActualTypeArguments()) {
                    internalTypesIn(argument, owner, leaks);
                }
            }
            case GenericArrayType array -> internalTypesIn(array.getGenericComponentType(), owner, leaks);
            case WildcardType wildcard -> {
                Stream.of(wildcard.getUpperBounds()).forEach(bound -> internalTypesIn(bound, owner, leaks));
                Stream.of(wildcard.getLowerBounds()).forEach(bound -> internalTypesIn(bound, owner, leaks));
            }
            default -> { } // a type variable: its bounds belong to the declaration that names it
        }
    }

    /** The public types (nested ones included) of the anchor's module: in the packages it exports, or in all. */
    private static List<Class<?>> publicTypes(Class<?> anchor, boolean exportedOnly) {
        ModuleReference module = moduleOf(anchor);
        Set<String> exported = module.descriptor().exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        try (var reader = module.open(); Stream<String> resources = reader.list()) {
            List<Class<?>> types = new ArrayList<>();
            for (String resource : resources.filter(r -> r.endsWith(".class") && !r.endsWith("module-info.class")).toList()) {
                String className = resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
                String packageName = className.substring(0, className.lastIndexOf('.'));
                if (exportedOnly && !exported.contains(packageName)) {
                    continue;
                }
                Class<?> type = Class.forName(className, false, anchor.getClassLoader());
                if (isExposed(type)) {
                    types.add(type);
                }
            }
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Public, and reachable from outside: every class that encloses it is public too. */
    private static boolean isExposed(Class<?> type) {
        for (Class<?> at = type; at != null; at = at.getEnclosingClass()) {
            if (!Modifier.isPublic(at.getModifiers()) || at.isAnonymousClass() || at.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    /** The module the anchor's compiled classes form: a classes directory or a jar. */
    private static ModuleReference moduleOf(Class<?> anchor) {
        try {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            return ModuleFinder.of(location).findAll().stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no module at " + location));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
