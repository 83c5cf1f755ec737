package dev.spindle.loop.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The only door into the loop from other threads (libuv's {@code uv_async_send}): a lock-free
 * multi-producer, single-consumer linked queue plus a coalesced wake-up. Producers never block; a
 * producer wakes the selector only when the loop has announced it is about to sleep, so a burst of
 * tasks costs one wake-up. Each producer's tasks come out in the order it put them in.
 */
final class TaskInbox {

    private static final VarHandle TAIL;
    private static final VarHandle NEXT;
    private static final VarHandle SLEEPING;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(TaskInbox.class, "tail", Node.class);
            SLEEPING = lookup.findVarHandle(TaskInbox.class, "sleeping", boolean.class);
            NEXT = lookup.findVarHandle(Node.class, "next", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class Node {
        Runnable task;
        Node next;

        Node(Runnable task) {
            this.task = task;
        }
    }

    private final Runnable wakeUp;
    /** Consumer side: the last taken node (a stub with no task). */
    private Node head;
    /** Producer side: swapped atomically by every offer. */
    @SuppressWarnings("unused")
    private volatile Node tail;
    @SuppressWarnings("unused")
    private volatile boolean sleeping;

    TaskInbox(Runnable wakeUp) {
        this.wakeUp = wakeUp;
        Node stub = new Node(null);
        this.head = stub;
        this.tail = stub;
    }

    /** Any thread. */
    void offer(Runnable task) {
        Node node = new Node(task);
        Node previous = (Node) TAIL.getAndSet(this, node);
        NEXT.setRelease(previous, node);
        if (sleeping && SLEEPING.compareAndSet(this, true, false)) {
            wakeUp.run();
        }
    }

    /** Loop thread: the next task, or null when none is fully published yet. */
    Runnable poll() {
        Node next = (Node) NEXT.getAcquire(head);
        if (next == null) {
            return null;
        }
        Runnable task = next.task;
        next.task = null;
        head = next;
        return task;
    }

    /** Whether nothing is queued or being queued. Loop thread. */
    boolean isEmpty() {
        return tail == head;
    }

    /**
     * Loop thread, before blocking in the selector: from here on producers wake it. The caller
     * checks {@link #isEmpty()} after this, which closes the race with a producer that looked just
     * before the flag was set.
     */
    void announceSleep() {
        sleeping = true;
    }

    /** Loop thread, after the selector returns. */
    void announceAwake() {
        SLEEPING.setOpaque(this, false);
    }
}
