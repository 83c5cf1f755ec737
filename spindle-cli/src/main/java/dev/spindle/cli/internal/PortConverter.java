package dev.spindle.cli.internal;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a TCP port option: a whole number from 1 to 65535, with an error that says so. */
public final class PortConverter implements ITypeConverter<Integer> {

    /** The lowest port a server can be asked to listen on. */
    public static final int MIN_PORT = 1;

    /** The highest TCP port. */
    public static final int MAX_PORT = 65_535;

    @Override
    public Integer convert(String value) {
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException(
                    "'" + value + "' is not a port; give a number from " + MIN_PORT + " to " + MAX_PORT);
        }
        if (port < MIN_PORT || port > MAX_PORT) {
            throw new TypeConversionException(
                    "port " + port + " is out of range; give a number from " + MIN_PORT + " to " + MAX_PORT);
        }
        return port;
    }
}
