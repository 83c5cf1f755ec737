package dev.spindle.bench.showdown;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small table with a title: printed on the terminal with aligned columns, or written as Markdown.
 * Columns whose header starts with a letter are left-aligned, the others (numbers) right-aligned:
 * give a number column's header with {@link #number(String)}.
 */
final class Table {

    private static final String RIGHT = "\u0000";

    final String title;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String title, String... headers) {
        this.title = title;
        this.headers = List.of(headers);
    }

    /** A right-aligned (number) column header. */
    static String number(String header) {
        return RIGHT + header;
    }

    Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row of " + headers.size() + " cells, not " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toList());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    private boolean right(int column) {
        return headers.get(column).startsWith(RIGHT);
    }

    private String header(int column) {
        return headers.get(column).replace(RIGHT, "");
    }

    String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append('|');
        for (int i = 0; i < headers.size(); i++) {
            out.append(' ').append(header(i)).append(" |");
        }
        out.append("\n|");
        for (int i = 0; i < headers.size(); i++) {
            out.append(right(i) ? " ---: |" : " --- |");
        }
        out.append('\n');
        for (List<String> row : rows) {
            out.append('|');
            for (String cell : row) {
                out.append(' ').append(cell.replace("|", "\\|")).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    String toTerminal() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder(title).append('\n');
        List<String> headerCells = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            headerCells.add(header(i));
        }
        line(out, headerCells, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private void line(StringBuilder out, List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            out.append("  ").append(right(i) ? pad + cell : cell + pad);
        }
        out.append('\n');
    }
}
