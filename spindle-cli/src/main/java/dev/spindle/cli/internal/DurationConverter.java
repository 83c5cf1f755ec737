package dev.spindle.cli.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a duration the way wrk and autocannon take one: a number with an optional unit, {@code ms},
 * {@code s} (the default), {@code m} or {@code h}: {@code 10}, {@code 10s}, {@code 500ms}, {@code 1.5m}.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        Matcher matcher = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration; give a number with ms, s, m or h (e.g. 10s, 500ms)");
        }
        double number = Double.parseDouble(matcher.group(1));
        double millis = switch (matcher.group(2) == null ? "s" : matcher.group(2)) {
            case "ms" -> number;
            case "m" -> number * 60_000;
            case "h" -> number * 3_600_000;
            default -> number * 1_000;
        };
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }
}
