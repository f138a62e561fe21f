package org.salesops.pipelines.bank;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;
import org.salesops.pipelines.common.RejectedInput;
import org.w3c.dom.Element;

/** Typed values of camt simple types, each rejected with its location when it does not parse. */
final class CamtValues {

    /** ISO 20022 amounts: xs:decimal without sign or exponent, at most 5 fraction digits. */
    private static final Pattern AMOUNT = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");

    private CamtValues() {
    }

    /** A non-negative amount with its currency, from an element like {@code <Amt Ccy="EUR">}. */
    static Money money(Element amt, Where where, String name) throws RejectedInput {
        String currency = amt.getAttribute("Ccy").trim();
        if (!currency.matches("[A-Z]{3}")) {
            throw where.reject(name + " has no valid Ccy attribute (got '" + currency + "')");
        }
        if (!CurrencyCodes.known(currency)) {
            throw where.reject(name + " " + CurrencyCodes.unknown(currency));
        }
        return new Money(amount(Dom.textOf(amt), where, name), currency);
    }

    static BigDecimal amount(String text, Where where, String name) throws RejectedInput {
        if (text == null) {
            throw where.reject(name + " is empty");
        }
        if (!AMOUNT.matcher(text).matches()) {
            throw where.reject(name + " '" + text + "' is not a decimal amount");
        }
        BigDecimal value = new BigDecimal(text);
        if (value.signum() < 0) {
            throw where.reject(name + " '" + text + "' is negative; the direction belongs in CdtDbtInd");
        }
        if (!StoredAmount.fits(value)) {
            throw where.reject(name + " '" + text + "' has " + StoredAmount.TOO_LARGE);
        }
        return value;
    }

    /** +1 for CRDT, -1 for DBIT. */
    static int direction(String indicator, Where where, String name) throws RejectedInput {
        if ("CRDT".equals(indicator)) {
            return 1;
        }
        if ("DBIT".equals(indicator)) {
            return -1;
        }
        throw where.reject(name + " '" + indicator + "' is neither CRDT nor DBIT");
    }

    /** xs:boolean; absent means false. */
    static boolean flag(String text, Where where, String name) throws RejectedInput {
        if (text == null || "false".equals(text) || "0".equals(text)) {
            return false;
        }
        if ("true".equals(text) || "1".equals(text)) {
            return true;
        }
        throw where.reject(name + " '" + text + "' is not a boolean");
    }

    /** ISODate, possibly with a zone designator as xs:date allows. */
    static LocalDate date(String text, Where where, String name) throws RejectedInput {
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_DATE);
        } catch (DateTimeParseException e) {
            throw where.reject(name + " '" + text + "' is not an ISO date", e);
        }
    }

    /**
     * ISODateTime. Without an offset the time zone is unknown; it is read as UTC rather than as
     * the JVM's zone, so the result does not depend on where the job runs.
     */
    static OffsetDateTime dateTime(String text, Where where, String name) throws RejectedInput {
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
            LocalDateTime local = LocalDateTime.from(parsed);
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
            return local.atOffset(offset);
        } catch (DateTimeParseException e) {
            throw where.reject(name + " '" + text + "' is not an ISO date-time", e);
        }
    }

    static Instant startOfDayUtc(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A DateAndDateTime choice ({@code Dt} or {@code DtTm}) as given, or null when absent. */
    static DateOrDateTime dateOrDateTime(Element choice, Where where, String name) throws RejectedInput {
        if (choice == null) {
            return null;
        }
        String dateTime = Dom.text(choice, "DtTm");
        if (dateTime != null) {
            OffsetDateTime at = dateTime(dateTime, where, name + "/DtTm");
            return new DateOrDateTime(at.toLocalDate(), at.toInstant());
        }
        String date = Dom.text(choice, "Dt");
        if (date != null) {
            LocalDate day = date(date, where, name + "/Dt");
            return new DateOrDateTime(day, null);
        }
        throw where.reject(name + " has neither Dt nor DtTm");
    }

    record Money(BigDecimal amount, String currency) {
    }

    /** A date, and the instant when the source gave a date-time (else null). */
    record DateOrDateTime(LocalDate date, Instant instant) {
        Instant instantOrStartOfDay() {
            return instant != null ? instant : startOfDayUtc(date);
        }
    }
}
