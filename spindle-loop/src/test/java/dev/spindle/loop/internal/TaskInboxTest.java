package dev.spindle.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaskInboxTest {

    @Test
    void wakesTheLoopOnlyWhenItAnnouncedSleepAndOnlyOncePerSleep() {
        AtomicInteger wakeUps = new AtomicInteger();
        TaskInbox inbox = new TaskInbox(wakeUps::incrementAndGet);
        inbox.offer(() -> {});
        assertThat(wakeUps).hasValue(0);
        inbox.announceSleep();
        inbox.offer(() -> {});
        inbox.offer(() -> {});
        assertThat(wakeUps).hasValue(1);
        inbox.announceAwake();
        inbox.offer(() -> {});
        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void pollsInOfferOrderAndReportsEmptiness() {
        TaskInbox inbox = new TaskInbox(() -> {});
        assertThat(inbox.isEmpty()).isTrue();
        StringBuilder order = new StringBuilder();
        for (char c : "abc".toCharArray()) {
            inbox.offer(() -> order.append(c));
        }
        assertThat(inbox.isEmpty()).isFalse();
        Runnable task;
        while ((task = inbox.poll()) != null) {
            task.run();
        }
        assertThat(order).hasToString("abc");
        assertThat(inbox.isEmpty()).isTrue();
    }
}
