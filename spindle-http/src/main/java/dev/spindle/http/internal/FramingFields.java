package dev.spindle.http.internal;

import dev.spindle.http.HeaderField;

/**
 * Reads the fields that frame a message and decide whether its connection stays open, the same for
 * requests and responses: Content-Length, Transfer-Encoding and Connection. It keeps the facts; the
 * request and response head builders judge them, each by its own rules, once the section has ended.
 * One instance is reused for every message on a connection.
 */
final class FramingFields implements FramingValues.CodingSink {

    private final int errorStatus;
    private final ListCursor list;
    private long contentLength;
    private boolean transferEncoding;
    private boolean chunkedSeen;
    private boolean chunkedLast;
    private boolean chunkedTwice;
    private boolean otherCoding;
    private boolean close;
    private boolean keepAlive;
    private boolean upgrade;

    /**
     * @param errorStatus the status of a malformed value: 400 for a request, 502 for a response
     * @param list the cursor to walk list values with; it may serve other fields between calls
     */
    FramingFields(int errorStatus, ListCursor list) {
        this.errorStatus = errorStatus;
        this.list = list;
        start();
    }

    /** Forgets the previous message's fields. */
    void start() {
        contentLength = FramingValues.NONE;
        transferEncoding = false;
        chunkedSeen = false;
        chunkedLast = false;
        chunkedTwice = false;
        otherCoding = false;
        close = false;
        keepAlive = false;
        upgrade = false;
    }

    /** Takes one field of the header section; a field of another name costs one switch. */
    void add(HeaderField field) {
        switch (field.name().length()) {
            case 10 -> {
                if (field.is("Connection")) {
                    connection(field.value());
                }
            }
            case 14 -> {
                if (field.is("Content-Length")) {
                    contentLength = FramingValues.contentLength(field.value(), contentLength, errorStatus);
                }
            }
            case 17 -> {
                if (field.is("Transfer-Encoding")) {
                    transferEncoding = true;
                    FramingValues.transferCodings(field.value(), list, errorStatus, this);
                }
            }
            default -> { }
        }
    }

    /** Content-Length, or {@link FramingValues#NONE} when there is none. */
    long contentLength() {
        return contentLength;
    }

    /** Whether any Transfer-Encoding field came, even an empty one. */
    boolean transferEncoding() {
        return transferEncoding;
    }

    /** Whether the final transfer-coding, over all the Transfer-Encoding lines, is chunked. */
    boolean chunkedLast() {
        return chunkedLast;
    }

    /** Whether chunked appears more than once. */
    boolean chunkedTwice() {
        return chunkedTwice;
    }

    /** Whether any transfer-coding is other than chunked. */
    boolean otherCoding() {
        return otherCoding;
    }

    /** Whether Connection lists upgrade. */
    boolean upgrade() {
        return upgrade;
    }

    /** Whether the connection stays open after this message (RFC 9112 section 9.3). */
    boolean persistent(boolean http11) {
        return !close && (http11 || keepAlive);
    }

    /** Each transfer-coding of a Transfer-Encoding value, in order. */
    @Override
    public void coding(boolean chunked) {
        chunkedTwice |= chunked && chunkedSeen;
        chunkedSeen |= chunked;
        chunkedLast = chunked;
        otherCoding |= !chunked;
    }

    private void connection(String value) {
        for (list.reset(value); list.next(); ) {
            close |= list.is("close");
            keepAlive |= list.is("keep-alive");
            upgrade |= list.is("upgrade");
        }
    }
}
