package org.salesops.pipelines.bank;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.salesops.pipelines.common.RejectedInput;

/** Typed values of SWIFT MT fields (decimal comma, YYMMDD dates), each rejected with its location. */
final class SwiftValues {

    /** SWIFT "15d": digits with a decimal comma, which may end the number ("1500,"); some banks drop it. */
    private static final Pattern AMOUNT = Pattern.compile("\\d+(,\\d*)?");

    private SwiftValues() {
    }

    static BigDecimal amount(String text, Where where, String field) throws RejectedInput {
        if (!AMOUNT.matcher(text).matches()) {
            throw where.reject(field + " amount '" + text + "' is not digits with a decimal comma");
        }
        String plain = text.endsWith(",") ? text.substring(0, text.length() - 1) : text.replace(',', '.');
        BigDecimal value = new BigDecimal(plain);
        if (!StoredAmount.fits(value)) {
            throw where.reject(field + " amount '" + text + "' has " + StoredAmount.TOO_LARGE);
        }
        return value;
    }

    /**
     * YYMMDD, read as 2000-2099. German banks date interest and fee settlements 30 February
     * (30/360 day count); February 29 and 30 are read as the last day of February.
     */
    static LocalDate date(String yymmdd, Where where, String field) throws RejectedInput {
        int year = 2000 + Integer.parseInt(yymmdd.substring(0, 2));
        return monthDay(year, yymmdd.substring(2), where, field, "date '" + yymmdd + "'");
    }

    /**
     * An MMDD booking date next to a full value date: the year is the one that puts it closest to
     * the value date, so a booking on 0102 for a value date of 31 December falls in the next year.
     */
    static LocalDate dateNear(String mmdd, LocalDate near, Where where, String field) throws RejectedInput {
        LocalDate[] candidates = new LocalDate[3];
        for (int i = 0; i < 3; i++) {
            candidates[i] = monthDay(near.getYear() - 1 + i, mmdd, where, field, "entry date '" + mmdd + "'");
        }
        return Stream.of(candidates)
                .min(Comparator.comparingLong(candidate -> Math.abs(candidate.toEpochDay() - near.toEpochDay())))
                .orElseThrow();
    }

    private static LocalDate monthDay(int year, String mmdd, Where where, String field, String what)
            throws RejectedInput {
        int month = Integer.parseInt(mmdd.substring(0, 2));
        int day = Integer.parseInt(mmdd.substring(2, 4));
        try {
            if (month == 2 && (day == 29 || day == 30)) {
                day = LocalDate.of(year, 2, 1).lengthOfMonth();
            }
            return MonthDay.of(month, day).atYear(year);
        } catch (DateTimeException e) {
            throw where.reject(field + " " + what + " is not a calendar date", e);
        }
    }
}
