package dev.spindle.bench;

import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A chain of {@code n} continuations on a resolved promise, built at once and then drained as
 * microtasks, JavaScript's {@code let p = Promise.resolve(0); for (...) p = p.then(x => x);}.
 * Each step costs what a continuation inherently costs (a derived promise and its reaction); the
 * functions are allocated once per chain object, and the value passes through unchanged, so
 * nothing is boxed.
 */
public final class PromiseChain {

    /** Which combinator each link uses. */
    public enum Link { THEN, MAP }

    private final Loop loop;
    private final Link link;
    private int ran;
    private Object last;
    private final Consumer<Object> countingAction = value -> ran++;
    private final Function<Object, Object> countingIdentity = value -> {
        ran++;
        return value;
    };

    public PromiseChain(Loop loop, Link link) {
        this.loop = loop;
        this.link = link;
    }

    /** Loop thread: builds the chain of {@code n} links on a promise resolved with {@code seed}. */
    public void start(int n, Object seed) {
        ran = 0;
        last = null;
        Promise<Object> promise = loop.promise();
        promise.resolve(seed);
        for (int i = 0; i < n; i++) {
            promise = switch (link) {
                case THEN -> promise.then(countingAction);
                case MAP -> promise.map(countingIdentity);
            };
        }
        promise.then(value -> last = value);
    }

    /** Links run since the last {@link #start}. */
    public int ran() {
        return ran;
    }

    /** The value that came out of the end of the chain, or null before it has. */
    public Object result() {
        return last;
    }
}
