package org.salesops.pipelines.calls;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Twilio's timestamps: RFC 2822 in UTC, {@code Tue, 31 Aug 2010 20:36:28 +0000}. */
final class Rfc2822 {

    /** Java's RFC 1123 formatter writes "GMT" for UTC; Twilio writes "+0000". */
    private static final DateTimeFormatter TWILIO =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Rfc2822() {
    }

    /** The instant, or null when {@code text} is not an RFC 2822 date-time. */
    static Instant parse(String text) {
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    static String format(Instant time) {
        return TWILIO.format(time);
    }
}
