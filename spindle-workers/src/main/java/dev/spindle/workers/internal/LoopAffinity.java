package dev.spindle.workers.internal;

import dev.spindle.loop.Handle;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import dev.spindle.workers.LoopAffinityException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rule that loop-owned objects stay on the loop, checked two ways. Always: a task that threw
 * the loop's "loop-thread only" {@link IllegalStateException} is rejected with a
 * {@link LoopAffinityException} that names the rule. In debug mode: a task whose captured fields
 * (a lambda's captured variables, an anonymous class's fields) hold a loop-owned object is refused
 * before it runs. {@link dev.spindle.loop.Loop} and {@link dev.spindle.loop.Promise} are allowed,
 * since {@code execute}, {@code resolve} and {@code reject} are safe from any thread.
 */
final class LoopAffinity {

    /** The loop and net modules start their thread-check message with this. */
    private static final String LOOP_THREAD_ONLY = "loop-thread only";

    /** Loop-owned types of modules this one does not depend on, known by name. */
    private static final Set<String> LOOP_OWNED_TYPE_NAMES = Set.of(
            "dev.spindle.http.Request", "dev.spindle.http.Response", "dev.spindle.http.RequestBody");

    private LoopAffinity() {}

    /** {@code error}, or a {@link LoopAffinityException} around it when it is the loop's thread check. */
    static Throwable explain(Throwable error) {
        if (error instanceof IllegalStateException && isLoopThreadCheck(error)) {
            return new LoopAffinityException("a worker task called a loop-thread-only method: " + error.getMessage()
                    + ". Worker tasks must not touch loop-owned objects (sockets, timers, requests, responses,"
                    + " promise continuations): pass immutable values in, return a value, and use it on the loop"
                    + " when the promise settles", error);
        }
        return error;
    }

    private static boolean isLoopThreadCheck(Throwable error) {
        if (error.getMessage() != null && error.getMessage().startsWith(LOOP_THREAD_ONLY)) {
            return true;
        }
        for (StackTraceElement frame : error.getStackTrace()) {
            if (frame.getClassName().equals("dev.spindle.loop.internal.LoopThread") && frame.getMethodName().equals("check")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A description of the first loop-owned object {@code task} captured, if any. Fields that
     * cannot be read (a named module that does not open its package to this one) are skipped.
     */
    static Optional<String> capturedLoopObject(Object task) {
        for (Class<?> type = task.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive() || !field.trySetAccessible()) {
                    continue;
                }
                Object value;
                try {
                    value = field.get(task);
                } catch (IllegalAccessException e) {
                    continue;
                }
                Optional<String> kind = loopOwnedKind(value);
                if (kind.isPresent()) {
                    return Optional.of("the task captured " + kind.get() + " (field '" + field.getName() + "' of "
                            + type.getName() + "); a worker task must not touch loop-owned objects: read what it needs"
                            + " on the loop, pass immutable values in, and use the result on the loop");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> loopOwnedKind(Object value) {
        if (value == null || value instanceof Loop || value instanceof Promise<?>) {
            return Optional.empty(); // execute, resolve and reject are safe from any thread
        }
        if (value instanceof Handle) {
            return Optional.of("a loop handle, " + value.getClass().getName());
        }
        ArrayDeque<Class<?>> types = new ArrayDeque<>();
        types.add(value.getClass());
        while (!types.isEmpty()) {
            Class<?> type = types.poll();
            if (LOOP_OWNED_TYPE_NAMES.contains(type.getName())) {
                return Optional.of("a loop-owned " + type.getName());
            }
            if (type.getSuperclass() != null) {
                types.add(type.getSuperclass());
            }
            types.addAll(List.of(type.getInterfaces()));
        }
        return Optional.empty();
    }
}
