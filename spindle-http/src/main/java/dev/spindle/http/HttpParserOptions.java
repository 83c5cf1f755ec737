package dev.spindle.http;

/**
 * Immutable limits of the HTTP/1.1 request parser; build with {@link #builder()}. A request over a
 * limit is rejected with the status named at each limit, and the connection is closed.
 *
 * @param maxRequestTargetLength longest request-target, in bytes; longer is answered 414
 * @param maxHeaderSectionSize largest header section, in bytes, counting every field line with its
 *     CRLF and the empty line that ends the section (the request line is not counted); larger is
 *     answered 431. The trailer section of a chunked body has the same limit.
 * @param maxChunkLineLength longest chunk-size line, in bytes, chunk extensions included and CRLF
 *     excluded; longer is answered 400
 */
public record HttpParserOptions(int maxRequestTargetLength, int maxHeaderSectionSize, int maxChunkLineLength) {

    /**
     * Longest request-target, in bytes: 8 KiB, a little over the 8000-octet request line RFC 9112
     * section 3 recommends supporting.
     */
    public static final int DEFAULT_MAX_REQUEST_TARGET_LENGTH = 8 * 1024;

    /** Largest header section, in bytes: 16 KiB, Node's default {@code maxHeaderSize}. */
    public static final int DEFAULT_MAX_HEADER_SECTION_SIZE = 16 * 1024;

    /** Longest chunk-size line, in bytes: 4 KiB, room for any reasonable chunk extension. */
    public static final int DEFAULT_MAX_CHUNK_LINE_LENGTH = 4 * 1024;

    /** The defaults above. */
    public static final HttpParserOptions DEFAULTS = builder().build();

    public HttpParserOptions {
        requirePositive("maxRequestTargetLength", maxRequestTargetLength);
        requirePositive("maxHeaderSectionSize", maxHeaderSectionSize);
        requirePositive("maxChunkLineLength", maxChunkLineLength);
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder()
                .maxRequestTargetLength(maxRequestTargetLength)
                .maxHeaderSectionSize(maxHeaderSectionSize)
                .maxChunkLineLength(maxChunkLineLength);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, was " + value);
        }
    }

    /** Builds {@link HttpParserOptions}; every field starts at its default. */
    public static final class Builder {
        private int maxRequestTargetLength = DEFAULT_MAX_REQUEST_TARGET_LENGTH;
        private int maxHeaderSectionSize = DEFAULT_MAX_HEADER_SECTION_SIZE;
        private int maxChunkLineLength = DEFAULT_MAX_CHUNK_LINE_LENGTH;

        private Builder() {}

        /** Longest request-target, in bytes. */
        public Builder maxRequestTargetLength(int bytes) {
            this.maxRequestTargetLength = bytes;
            return this;
        }

        /** Largest header (and trailer) section, in bytes. */
        public Builder maxHeaderSectionSize(int bytes) {
            this.maxHeaderSectionSize = bytes;
            return this;
        }

        /** Longest chunk-size line with its extensions, in bytes. */
        public Builder maxChunkLineLength(int bytes) {
            this.maxChunkLineLength = bytes;
            return this;
        }

        public HttpParserOptions build() {
            return new HttpParserOptions(maxRequestTargetLength, maxHeaderSectionSize, maxChunkLineLength);
        }
    }
}
