package dev.spindle.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The token on its own: one-shot, listeners once, registrations removable. */
class CancellationTest {

    @Test
    void theFirstCancelWinsAndListenersRunOnce() {
        Cancellation token = Cancellation.create();
        List<Throwable> seen = new ArrayList<>();
        token.onCancel(seen::add);
        IllegalStateException reason = new IllegalStateException("client went away");

        assertThat(token.cancel(reason)).isTrue();
        assertThat(token.cancel()).isFalse();
        assertThat(token.isCancelled()).isTrue();
        assertThat(token.reason()).containsSame(reason);
        assertThat(seen).containsExactly(reason);
    }

    @Test
    void aListenerAddedAfterCancelRunsAtOnce() {
        Cancellation token = Cancellation.create();
        token.cancel();
        List<Throwable> seen = new ArrayList<>();
        token.onCancel(seen::add);
        assertThat(seen).singleElement().isInstanceOf(TaskCancelledException.class);
    }

    @Test
    void aClosedRegistrationIsNotCalled() {
        Cancellation token = Cancellation.create();
        List<Throwable> seen = new ArrayList<>();
        token.onCancel(seen::add).close();
        token.cancel();
        assertThat(seen).isEmpty();
    }

    @Test
    void noneNeverCancels() {
        List<Throwable> seen = new ArrayList<>();
        Cancellation.NONE.onCancel(seen::add);
        assertThat(Cancellation.NONE.cancel()).isFalse();
        assertThat(Cancellation.NONE.isCancelled()).isFalse();
        assertThat(seen).isEmpty();
    }
}
