package dev.spindle.bench.showdown.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A model's command line: {@code PORT [--backlog N]}, Node's 511 when no backlog is given. */
class ShowdownArgsTest {

    @Test
    void portAndBacklog() {
        assertThat(ShowdownArgs.parse(new String[] {"8080", "--backlog", "1024"})).isEqualTo(new ShowdownArgs(8080, 1024));
        assertThat(ShowdownArgs.parse(new String[] {"0"})).isEqualTo(new ShowdownArgs(0, 511));
        assertThat(ShowdownArgs.parse(new String[0])).isEqualTo(new ShowdownArgs(0, 511));
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThatThrownBy(() -> ShowdownArgs.parse(new String[] {"8080", "--backlog"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShowdownArgs.parse(new String[] {"8080", "--backlog", "0"})).hasMessageContaining("backlog");
        assertThatThrownBy(() -> ShowdownArgs.parse(new String[] {"http"})).hasMessageContaining("usage");
    }

    @Test
    void theSumIsTheSeedsLoopAndTheSpinTakesItsTime() {
        assertThat(ShowdownRoutes.sum(1000)).isEqualTo(499_500);
        assertThat(ShowdownRoutes.compute(1_000_000)).isEqualTo("Result: 499999500000");
        long started = System.nanoTime();
        assertThat(ShowdownRoutes.block(20)).isEqualTo("blocked 20 ms");
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(20_000_000);
    }
}
