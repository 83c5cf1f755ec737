package dev.spindle.loop;

/** {@link System#nanoTime()} as a {@link Clock}. */
enum SystemClock implements Clock {
    INSTANCE;

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }
}
