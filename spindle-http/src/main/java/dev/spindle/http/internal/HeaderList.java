package dev.spindle.http.internal;

import dev.spindle.http.HeaderField;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The unmodifiable header list of one parsed request: a view of an array of exactly the right
 * size that only {@link HeadBuilder} fills and never touches again, so {@link RequestHead} keeps it
 * without the copy {@code List.copyOf} would make.
 */
final class HeaderList extends AbstractList<HeaderField> implements RandomAccess {

    private final HeaderField[] fields;

    /** Takes {@code fields} over: the caller must not keep or change it. */
    HeaderList(HeaderField[] fields) {
        this.fields = fields;
    }

    @Override
    public HeaderField get(int index) {
        return fields[index];
    }

    @Override
    public int size() {
        return fields.length;
    }
}
