package dev.spindle.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HttpParserOptionsTest {

    @Test
    void defaultsAreTheDocumentedConstants() {
        assertThat(HttpParserOptions.DEFAULTS).isEqualTo(new HttpParserOptions(
                HttpParserOptions.DEFAULT_MAX_REQUEST_TARGET_LENGTH,
                HttpParserOptions.DEFAULT_MAX_HEADER_SECTION_SIZE,
                HttpParserOptions.DEFAULT_MAX_CHUNK_LINE_LENGTH));
        assertThat(HttpParserOptions.DEFAULT_MAX_REQUEST_TARGET_LENGTH).isEqualTo(8192);
        assertThat(HttpParserOptions.DEFAULT_MAX_HEADER_SECTION_SIZE).isEqualTo(16384);
    }

    @Test
    void builderSetsEachLimitAndToBuilderRoundTrips() {
        HttpParserOptions options = HttpParserOptions.builder()
                .maxRequestTargetLength(1)
                .maxHeaderSectionSize(2)
                .maxChunkLineLength(3)
                .build();
        assertThat(options).isEqualTo(new HttpParserOptions(1, 2, 3));
        assertThat(options.toBuilder().build()).isEqualTo(options);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> HttpParserOptions.builder().maxHeaderSectionSize(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxHeaderSectionSize");
    }
}
