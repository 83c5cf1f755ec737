package dev.spindle.http.internal;

import dev.spindle.http.HeaderField;
import java.util.List;
import java.util.Optional;

/** Finding a field in a parsed header section, for the request and the response heads alike. */
final class FieldLookup {

    private FieldLookup() {}

    /** The value of the first field in {@code fields} called {@code name} (case-insensitive). */
    static Optional<String> first(List<HeaderField> fields, String name) {
        for (HeaderField field : fields) {
            if (field.is(name)) {
                return Optional.of(field.value());
            }
        }
        return Optional.empty();
    }
}
