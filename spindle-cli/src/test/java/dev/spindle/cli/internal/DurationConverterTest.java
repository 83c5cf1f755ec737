package dev.spindle.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void secondsByDefaultAndTheUsualUnits() {
        assertThat(converter.convert("10")).isEqualTo(Duration.ofSeconds(10));
        assertThat(converter.convert("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("1.5m")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("2H")).isEqualTo(Duration.ofHours(2));
        assertThat(converter.convert(" 0.25 s ")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void anythingElseIsAClearError() {
        assertThatThrownBy(() -> converter.convert("ten")).isInstanceOf(TypeConversionException.class)
                .hasMessage("'ten' is not a duration; give a number with ms, s, m or h (e.g. 10s, 500ms)");
        assertThatThrownBy(() -> converter.convert("-1s")).isInstanceOf(TypeConversionException.class);
    }
}
