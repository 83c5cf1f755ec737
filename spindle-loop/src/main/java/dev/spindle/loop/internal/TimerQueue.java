package dev.spindle.loop.internal;

import java.util.Arrays;
import java.util.List;

/**
 * The loop's timers in a binary min-heap ordered by (deadline, creation sequence), so timers with
 * equal deadlines fire in the order they were created. Inserting a timer whose deadline is not
 * earlier than the others costs O(1), the common case of many equal delays. Loop thread only.
 */
final class TimerQueue {

    private TimerHandle[] heap = new TimerHandle[64];
    private int size;
    private long sequence;

    long nextSequence() {
        return sequence++;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The earliest deadline in loop milliseconds; only meaningful when not empty. */
    long nextDeadline() {
        return heap[0].deadline;
    }

    void add(TimerHandle timer) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = timer;
        timer.heapIndex = size;
        siftUp(size++);
    }

    void remove(TimerHandle timer) {
        int index = timer.heapIndex;
        if (index < 0) {
            return;
        }
        timer.heapIndex = -1;
        TimerHandle last = heap[--size];
        heap[size] = null;
        if (index == size) {
            return;
        }
        heap[index] = last;
        last.heapIndex = index;
        siftDown(index);
        siftUp(last.heapIndex);
    }

    /**
     * Moves every timer due at {@code nowMillis} to {@code ready}, earliest first. Running them from
     * the list, rather than straight from the heap, is what keeps a callback that schedules another
     * due timer from making the timers phase run forever (libuv's {@code uv__run_timers}).
     */
    void moveDueTo(long nowMillis, List<TimerHandle> ready) {
        while (size > 0 && heap[0].deadline <= nowMillis) {
            TimerHandle due = heap[0];
            remove(due);
            due.due = true;
            ready.add(due);
        }
    }

    private void siftUp(int index) {
        TimerHandle timer = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (!before(timer, heap[parent])) {
                break;
            }
            place(heap[parent], index);
            index = parent;
        }
        place(timer, index);
    }

    private void siftDown(int index) {
        TimerHandle timer = heap[index];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) {
                child = right;
            }
            if (!before(heap[child], timer)) {
                break;
            }
            place(heap[child], index);
            index = child;
        }
        place(timer, index);
    }

    private void place(TimerHandle timer, int index) {
        heap[index] = timer;
        timer.heapIndex = index;
    }

    private static boolean before(TimerHandle a, TimerHandle b) {
        return a.deadline < b.deadline || (a.deadline == b.deadline && a.sequence < b.sequence);
    }
}
