package dev.spindle.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final SplittableRandom random = new SplittableRandom(7);

    @Test
    void noneFixedAndExponential() {
        assertThat(Backoff.NONE.delayAfter(3, random)).isEqualTo(Duration.ZERO);
        assertThat(Backoff.fixed(Duration.ofMillis(300)).delayAfter(1, random)).isEqualTo(Duration.ofMillis(300));
        assertThat(Backoff.fixed(Duration.ofMillis(300)).delayAfter(9, random)).isEqualTo(Duration.ofMillis(300));
        Backoff exponential = Backoff.exponential(Duration.ofMillis(100));
        assertThat(exponential.delayAfter(1, random)).isEqualTo(Duration.ofMillis(100));
        assertThat(exponential.delayAfter(2, random)).isEqualTo(Duration.ofMillis(200));
        assertThat(exponential.delayAfter(5, random)).isEqualTo(Duration.ofMillis(1_600));
        assertThat(exponential.delayAfter(200, random).toMillis()).isEqualTo(Long.MAX_VALUE); // saturates, no overflow
        assertThat(exponential.withMaxDelay(Duration.ofMillis(500)).delayAfter(5, random)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void jitterStaysWithinItsShareOfTheDelay() {
        Backoff jittered = Backoff.fixed(Duration.ofMillis(1_000)).withJitter(0.2);
        boolean varied = false;
        for (int i = 0; i < 200; i++) {
            long millis = jittered.delayAfter(1, random).toMillis();
            assertThat(millis).isBetween(800L, 1_000L);
            varied |= millis != 1_000;
        }
        assertThat(varied).isTrue();
    }

    @Test
    void badValuesAreRefused() {
        assertThatThrownBy(() -> Backoff.fixed(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.fixed(Duration.ofMillis(1)).withJitter(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobOptions.builder().attempts(0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobOptions.builder().idempotencyKey("").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobId.of("a/b")).isInstanceOf(IllegalArgumentException.class);
    }
}
