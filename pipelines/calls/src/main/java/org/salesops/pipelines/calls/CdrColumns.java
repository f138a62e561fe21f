package org.salesops.pipelines.calls;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import org.salesops.pipelines.common.RejectedInput;

/**
 * The columns of one PBX CDR line, read by name, with reasons that say which column is wrong
 * ("Asterisk cdr_csv: column 10 (start) '2017-02-30 10:00:00' is not a yyyy-MM-dd HH:mm:ss time").
 */
final class CdrColumns {

    /** Both Asterisk ({@code %Y-%m-%d %T}) and FreeSWITCH ({@code *_stamp}) write times this way. */
    private static final DateTimeFormatter PBX_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private final String format;
    private final List<String> names;
    private final List<String> values;

    CdrColumns(String format, List<String> names, List<String> values) {
        this.format = format;
        this.names = names;
        this.values = values;
    }

    String text(String name) {
        return values.get(index(name));
    }

    String required(String name) throws RejectedInput {
        String value = text(name);
        if (value.isBlank()) {
            throw problem(where(name) + " is empty");
        }
        return value;
    }

    Instant time(String name, ZoneId zone) throws RejectedInput {
        Instant time = optionalTime(name, zone);
        if (time == null) {
            throw problem(where(name) + " is empty");
        }
        return time;
    }

    /** Null for an empty column: cdr_csv leaves the answer time empty when nobody answered. */
    Instant optionalTime(String name, ZoneId zone) throws RejectedInput {
        String value = text(name);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, PBX_TIME).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw problem(where(name) + " '" + value + "' is not a yyyy-MM-dd HH:mm:ss time");
        }
    }

    int seconds(String name) throws RejectedInput {
        String value = text(name);
        if (!value.matches("[0-9]{1,9}")) {
            throw problem(where(name) + " '" + value + "' is not a whole, non-negative number of seconds");
        }
        return Integer.parseInt(value);
    }

    RejectedInput problem(String message) {
        return new RejectedInput(format + ": " + message);
    }

    String where(String name) {
        return "column " + (index(name) + 1) + " (" + name + ")";
    }

    static String formatTime(Instant time, ZoneId zone) {
        return PBX_TIME.format(time.atZone(zone));
    }

    private int index(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(format + " has no column " + name);
        }
        return index;
    }
}
