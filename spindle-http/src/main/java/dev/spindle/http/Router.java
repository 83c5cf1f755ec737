package dev.spindle.http;

/** A group of routes and middleware to mount in an {@link App} at a prefix, as Express's {@code Router}. */
public final class Router extends Routes<Router> {

    /** An empty router. */
    public static Router create() {
        return new Router();
    }

    private Router() {}

    @Override
    Router self() {
        return this;
    }
}
