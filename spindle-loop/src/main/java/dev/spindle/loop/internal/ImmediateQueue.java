package dev.spindle.loop.internal;

/**
 * The check phase's queue of {@code setImmediate} callbacks: a growable ring indexed by a running
 * sequence number, which doubles as the immediate's id. Clearing an immediate empties its slot,
 * so neither adding nor clearing allocates. Loop thread only.
 */
final class ImmediateQueue {

    private Runnable[] ring = new Runnable[64];
    private long head;
    private long tail;
    private int live;

    boolean isEmpty() {
        return live == 0;
    }

    /** Queues a callback and returns its id. */
    long add(Runnable callback) {
        if (tail - head == ring.length) {
            grow();
        }
        long id = tail++;
        ring[slot(id)] = callback;
        live++;
        return id;
    }

    /** Empties the slot of a still-queued immediate; false if it already ran or was cleared. */
    boolean clear(long id) {
        if (id < head || id >= tail) {
            return false;
        }
        int slot = slot(id);
        if (ring[slot] == null) {
            return false;
        }
        ring[slot] = null;
        live--;
        return true;
    }

    /** The id the next added immediate will get: the check phase runs ids below it only. */
    long end() {
        return tail;
    }

    /** Takes the oldest callback with an id below {@code end}, or null. */
    Runnable pollBefore(long end) {
        while (head < end) {
            int slot = slot(head++);
            Runnable callback = ring[slot];
            if (callback != null) {
                ring[slot] = null;
                live--;
                return callback;
            }
        }
        return null;
    }

    private int slot(long id) {
        return (int) (id & (ring.length - 1));
    }

    private void grow() {
        Runnable[] bigger = new Runnable[ring.length * 2];
        for (long id = head; id < tail; id++) {
            bigger[(int) (id & (bigger.length - 1))] = ring[slot(id)];
        }
        ring = bigger;
    }
}
