package dev.spindle.http;

import java.util.Objects;

/**
 * One header or trailer field line as received: the name in its original case and the value
 * without surrounding whitespace. Bytes are mapped one to one to chars (ISO-8859-1), so a value
 * with UTF-8 or other non-ASCII bytes keeps them intact for the application to decode.
 *
 * @param name the field name, a token (RFC 9110 section 5.1), in the case the client sent
 * @param value the field value, leading and trailing spaces and tabs removed
 */
public record HeaderField(String name, String value) {

    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** Whether this field is called {@code name}; field names are case-insensitive. */
    public boolean is(String name) {
        return this.name.equalsIgnoreCase(name);
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
