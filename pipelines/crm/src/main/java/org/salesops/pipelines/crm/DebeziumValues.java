package org.salesops.pipelines.crm;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.regex.Pattern;
import org.salesops.pipelines.common.Memo;

/**
 * Reads the encodings Debezium and Kafka Connect's JsonConverter use for decimals, dates and
 * timestamps. Each method throws {@link IllegalArgumentException} with a short description of the
 * problem when the value cannot be read; callers add where the value was.
 */
public final class DebeziumValues {

    /** What decimal.handling.mode=string writes: BigDecimal.toPlainString(). */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** ISO-8601 timestamps with offset, read: a row's timestamps come again before and after each of its updates. */
    private static final Memo<String, Instant> INSTANTS =
            new Memo<>(100_000, text -> OffsetDateTime.parse(text).toInstant());

    private DebeziumValues() {
    }

    /**
     * A decimal in any of its encodings: a JSON number (decimal.handling.mode=double, or a Connect
     * Decimal written with JsonConverter's decimal.format=NUMERIC), a decimal string
     * (decimal.handling.mode=string) or base64 big-endian two's-complement unscaled bytes
     * (decimal.handling.mode=precise).
     *
     * <p>With the wrapper's field, its type tells string from base64 and its scale applies. Without
     * it, a string that reads as a plain decimal is taken as one and anything else as base64 at
     * {@code scaleWithoutWrapper}. Base64 text made of digits only is read as a decimal then: that
     * happens only for some negative values (a leading byte of 0xD0 or more), which is why such
     * values need the wrapper.
     *
     * @param field               the wrapper's schema of the value, or null
     * @param scaleWithoutWrapper the scale of base64 values when the wrapper gives none (from the DDL)
     */
    public static BigDecimal decimal(JsonNode value, ConnectField field, Integer scaleWithoutWrapper) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("expected a decimal (a JSON number or string), got " + JsonText.describe(value));
        }
        String text = value.textValue();
        boolean base64 = field != null ? field.isDecimalBytes() : !PLAIN_DECIMAL.matcher(text).matches();
        if (!base64) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unparseable decimal " + JsonText.describe(value));
            }
        }
        Integer scale = field != null && field.scale() != null ? field.scale() : scaleWithoutWrapper;
        if (scale == null) {
            throw new IllegalArgumentException("base64 decimal " + JsonText.describe(value) + " without a scale");
        }
        byte[] unscaled;
        try {
            unscaled = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unparseable decimal " + JsonText.describe(value)
                    + ": neither a decimal number nor base64 unscaled bytes");
        }
        if (unscaled.length == 0) {
            throw new IllegalArgumentException("unparseable decimal " + JsonText.describe(value) + ": no bytes");
        }
        return new BigDecimal(new BigInteger(unscaled), scale);
    }

    /**
     * An instant: an ISO-8601 string with offset (io.debezium.time.ZonedTimestamp, how timestamptz
     * arrives), or epoch millis / micros / nanos when the wrapper's field says which
     * (io.debezium.time.Timestamp / MicroTimestamp / NanoTimestamp); a bare number's unit is unknowable.
     *
     * @param field the wrapper's schema of the value, or null
     */
    public static Instant timestamp(JsonNode value, ConnectField field) {
        if (value.isTextual()) {
            try {
                return INSTANTS.apply(value.textValue());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("unparseable timestamp " + JsonText.describe(value)
                        + " (expected ISO-8601 with offset, e.g. 2026-03-02T01:30:00Z)");
            }
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            long epoch = value.longValue();
            String unit = field == null ? null : field.logicalName();
            if (ConnectField.TIMESTAMP.equals(unit)) {
                return Instant.ofEpochMilli(epoch);
            }
            if (ConnectField.MICRO_TIMESTAMP.equals(unit)) {
                return Instant.ofEpochSecond(Math.floorDiv(epoch, 1_000_000L), Math.floorMod(epoch, 1_000_000L) * 1_000L);
            }
            if (ConnectField.NANO_TIMESTAMP.equals(unit)) {
                return Instant.ofEpochSecond(Math.floorDiv(epoch, 1_000_000_000L), Math.floorMod(epoch, 1_000_000_000L));
            }
            throw new IllegalArgumentException("timestamp as number " + epoch + " without a schema wrapper saying its unit"
                    + " (io.debezium.time.Timestamp or MicroTimestamp)");
        }
        throw new IllegalArgumentException("expected a timestamp (an ISO-8601 string), got " + JsonText.describe(value));
    }

    /** A date: days since 1970-01-01 (io.debezium.time.Date) or an ISO-8601 date string. */
    public static LocalDate date(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return LocalDate.ofEpochDay(value.intValue());
        }
        if (value.isTextual()) {
            try {
                return LocalDate.parse(value.textValue());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("unparseable date " + JsonText.describe(value) + " (expected e.g. 2026-03-02)");
            }
        }
        throw new IllegalArgumentException("expected a date (days since 1970-01-01 or an ISO-8601 string), got "
                + JsonText.describe(value));
    }
}
