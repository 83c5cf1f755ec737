package dev.spindle.bench;

import dev.spindle.loop.Loop;

/**
 * {@code n} immediates queued {@code batch} at a time: the last of each batch queues the next
 * batch, so each loop turn's check phase runs {@code batch} callbacks. This measures the immediate
 * queue itself more than the turn. One callback object, queued repeatedly: nothing is allocated
 * per immediate.
 */
public final class ImmediateBatch implements Runnable {

    private final Loop loop;
    private final int batch;
    private int total;
    private int queued;
    private int ran;

    public ImmediateBatch(Loop loop, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, was " + batch);
        }
        this.loop = loop;
        this.batch = batch;
    }

    /** Loop thread: queues the first batch of {@code n} immediates. */
    public void start(int n) {
        total = n;
        queued = 0;
        ran = 0;
        queueBatch();
    }

    @Override
    public void run() {
        ran++;
        if (ran == queued && queued < total) { // the last of its batch
            queueBatch();
        }
    }

    private void queueBatch() {
        int count = Math.min(batch, total - queued);
        for (int i = 0; i < count; i++) {
            loop.setImmediate(this);
        }
        queued += count;
    }

    /** Immediates run since the last {@link #start}. */
    public int ran() {
        return ran;
    }
}
