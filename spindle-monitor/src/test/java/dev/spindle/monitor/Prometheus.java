package dev.spindle.monitor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test support: a strict reader of the Prometheus text format 0.0.4. Every line must be a HELP, a
 * TYPE or a sample; every sample must belong to the family declared just before it; a family is
 * declared once.
 */
public final class Prometheus {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"";
    private static final Pattern SAMPLE = Pattern.compile(
            "^(" + NAME + ")(?:\\{((?:" + LABEL + ")(?:," + LABEL + ")*)?\\})? "
                    + "(-?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|NaN|\\+Inf|-Inf)(?: -?[0-9]+)?$");
    private static final Pattern ONE_LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"");
    private static final Pattern HELP = Pattern.compile("^# HELP (" + NAME + ") .*$");
    private static final Pattern TYPE = Pattern.compile("^# TYPE (" + NAME + ") (counter|gauge|summary|histogram|untyped)$");

    public record Sample(String name, Map<String, String> labels, double value) {}

    public final Map<String, String> types = new LinkedHashMap<>();
    public final List<Sample> samples = new ArrayList<>();

    /** Parses {@code text}, failing with the line number on the first line that breaks the format. */
    public static Prometheus parse(String text) {
        Prometheus result = new Prometheus();
        String[] lines = text.split("\n", -1);
        if (!text.endsWith("\n")) {
            throw new AssertionError("the exposition must end with a line feed");
        }
        Set<String> helped = new HashSet<>();
        String family = null;
        String familyType = null;
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) {
                if (!helped.add(m.group(1))) {
                    throw new AssertionError("line " + (i + 1) + ": HELP repeated for " + m.group(1));
                }
            } else if ((m = TYPE.matcher(line)).matches()) {
                family = m.group(1);
                familyType = m.group(2);
                if (result.types.put(family, familyType) != null) {
                    throw new AssertionError("line " + (i + 1) + ": TYPE repeated for " + family);
                }
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                String name = m.group(1);
                if (family == null || !belongs(name, family, familyType)) {
                    throw new AssertionError("line " + (i + 1) + ": sample " + name + " outside its family: " + line);
                }
                Map<String, String> labels = new LinkedHashMap<>();
                if (m.group(2) != null) {
                    Matcher label = ONE_LABEL.matcher(m.group(2));
                    while (label.find()) {
                        labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\n", "\n")
                                .replace("\\\\", "\\"));
                    }
                }
                result.samples.add(new Sample(name, labels, parseValue(m.group(3))));
            } else {
                throw new AssertionError("line " + (i + 1) + " is not in the Prometheus text format: '" + line + "'");
            }
        }
        return result;
    }

    private static boolean belongs(String name, String family, String type) {
        return switch (type) {
            case "summary" -> name.equals(family) || name.equals(family + "_sum") || name.equals(family + "_count");
            case "histogram" -> name.equals(family + "_bucket") || name.equals(family + "_sum")
                    || name.equals(family + "_count");
            default -> name.equals(family);
        };
    }

    private static double parseValue(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** The value of the one sample called {@code name} with these labels (name, value, ...). */
    public double value(String name, String... labels) {
        return find(name, labels).orElseThrow(() -> new AssertionError("no sample " + name + " " + List.of(labels)
                + " in " + samples.stream().filter(s -> s.name().equals(name)).toList()));
    }

    public java.util.Optional<Double> find(String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(wanted.entrySet()))
                .map(Sample::value)
                .findFirst();
    }
}
