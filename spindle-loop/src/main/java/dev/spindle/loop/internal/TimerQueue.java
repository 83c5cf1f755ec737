package dev.spindle.loop.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * The loop's active timers: one {@link TimerList} per distinct delay, and a binary min-heap of the
 * non-empty lists ordered by their heads' (deadline, creation sequence). A million timers with a
 * handful of delays cost O(1) to add and remove and O(log lists) to fire, and timers with equal
 * deadlines still fire in creation order across lists. Loop thread only.
 */
final class TimerQueue {

    private final HashMap<Long, TimerList> listsByDelay = new HashMap<>();
    private TimerList lastUsed;
    private TimerList[] heap = new TimerList[16];
    private int lists;
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
        return heap[0].head.deadline;
    }

    /** Adds a timer whose deadline is not earlier than any other of its delay (the loop's time only grows). */
    void add(TimerHandle timer) {
        TimerList list = listFor(timer.delayMillis());
        boolean wasEmpty = list.isEmpty();
        list.append(timer);
        size++;
        if (wasEmpty) {
            push(list);
        }
    }

    void remove(TimerHandle timer) {
        TimerList list = timer.list;
        if (list == null) {
            return;
        }
        boolean wasHead = list.head == timer;
        list.unlink(timer);
        size--;
        if (list.isEmpty()) {
            removeAt(list.heapIndex);
            forget(list);
        } else if (wasHead) {
            siftDown(list.heapIndex); // the new head is due no earlier than the old one
        }
    }

    /**
     * Moves every timer due at {@code nowMillis} to {@code ready}, earliest first. Running them from
     * the list, rather than straight from the queue, is what keeps a callback that schedules another
     * due timer from making the timers phase run forever (libuv's {@code uv__run_timers}).
     */
    void moveDueTo(long nowMillis, List<TimerHandle> ready) {
        while (lists > 0 && heap[0].head.deadline <= nowMillis) {
            TimerHandle due = heap[0].head;
            remove(due);
            due.due = true;
            ready.add(due);
        }
    }

    private TimerList listFor(long delay) {
        if (lastUsed != null && lastUsed.delay == delay) {
            return lastUsed;
        }
        TimerList list = listsByDelay.computeIfAbsent(delay, TimerList::new);
        lastUsed = list;
        return list;
    }

    private void forget(TimerList list) {
        listsByDelay.remove(list.delay);
        if (lastUsed == list) {
            lastUsed = null;
        }
    }

    private void push(TimerList list) {
        if (lists == heap.length) {
            heap = Arrays.copyOf(heap, lists * 2);
        }
        heap[lists] = list;
        list.heapIndex = lists;
        siftUp(lists++);
    }

    private void removeAt(int index) {
        TimerList removed = heap[index];
        removed.heapIndex = -1;
        TimerList last = heap[--lists];
        heap[lists] = null;
        if (index == lists) {
            return;
        }
        heap[index] = last;
        last.heapIndex = index;
        siftDown(index);
        siftUp(last.heapIndex);
    }

    private void siftUp(int index) {
        TimerList list = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (!before(list, heap[parent])) {
                break;
            }
            place(heap[parent], index);
            index = parent;
        }
        place(list, index);
    }

    private void siftDown(int index) {
        TimerList list = heap[index];
        int half = lists >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < lists && before(heap[right], heap[child])) {
                child = right;
            }
            if (!before(heap[child], list)) {
                break;
            }
            place(heap[child], index);
            index = child;
        }
        place(list, index);
    }

    private void place(TimerList list, int index) {
        heap[index] = list;
        list.heapIndex = index;
    }

    private static boolean before(TimerList a, TimerList b) {
        TimerHandle x = a.head;
        TimerHandle y = b.head;
        return x.deadline < y.deadline || (x.deadline == y.deadline && x.sequence < y.sequence);
    }
}
