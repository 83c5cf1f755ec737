package dev.spindle.loop.internal;

/**
 * The active timers of one delay, in deadline order. Timers of equal delay are scheduled at
 * non-decreasing loop times, so appending keeps the list sorted: adding and removing are O(1), and
 * only the list's head takes part in the {@link TimerQueue}'s heap (Node's design in
 * {@code lib/internal/timers.js}).
 */
final class TimerList {

    final long delay;
    TimerHandle head;
    TimerHandle tail;
    int heapIndex = -1;

    TimerList(long delay) {
        this.delay = delay;
    }

    boolean isEmpty() {
        return head == null;
    }

    void append(TimerHandle timer) {
        timer.list = this;
        timer.previous = tail;
        timer.next = null;
        if (tail == null) {
            head = timer;
        } else {
            tail.next = timer;
        }
        tail = timer;
    }

    void unlink(TimerHandle timer) {
        if (timer.previous == null) {
            head = timer.next;
        } else {
            timer.previous.next = timer.next;
        }
        if (timer.next == null) {
            tail = timer.previous;
        } else {
            timer.next.previous = timer.previous;
        }
        timer.previous = null;
        timer.next = null;
        timer.list = null;
    }
}
