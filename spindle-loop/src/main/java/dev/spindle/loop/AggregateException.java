package dev.spindle.loop;

import java.util.List;

/** Every promise given to {@link Promise#any} rejected; JavaScript's {@code AggregateError}. */
public final class AggregateException extends LoopException {

    private final List<Throwable> errors;

    public AggregateException(List<Throwable> errors) {
        super("all " + errors.size() + " promises were rejected");
        this.errors = List.copyOf(errors);
        errors.forEach(this::addSuppressed);
    }

    /** The rejection reasons, in the order of the input promises. */
    public List<Throwable> errors() {
        return errors;
    }
}
