package dev.spindle.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class PortConverterTest {

    private final PortConverter converter = new PortConverter();

    @Test
    void acceptsTheWholeRange() {
        assertThat(converter.convert("1")).isEqualTo(1);
        assertThat(converter.convert(" 3000 ")).isEqualTo(3000);
        assertThat(converter.convert("65535")).isEqualTo(65_535);
    }

    @Test
    void rejectsPortsOutsideTheRange() {
        assertThatThrownBy(() -> converter.convert("0"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("port 0 is out of range; give a number from 1 to 65535");
        assertThatThrownBy(() -> converter.convert("65536"))
                .hasMessage("port 65536 is out of range; give a number from 1 to 65535");
    }

    @Test
    void rejectsWhatIsNotANumber() {
        assertThatThrownBy(() -> converter.convert("3000x"))
                .hasMessage("'3000x' is not a port; give a number from 1 to 65535");
    }
}
