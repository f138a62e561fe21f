package org.salesops.pipelines.bank;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.salesops.pipelines.common.RejectedInput;

/**
 * Typed values of Chinese bank CSV cells, each rejected with its line and column. Cells come padded
 * with spaces and tabs (ICBC), and empty values written as "-", "--", "/" or a row of dashes (BOC).
 */
final class BankCsvValues {

    private static final Pattern PLACEHOLDER = Pattern.compile("[-/]+");
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/]?(\\d{2})[-/]?(\\d{2})");
    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{2})/(\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{2}):?(\\d{2}):?(\\d{2})");
    /** Optional currency code, sign, digits with or without thousands separators, decimals. */
    private static final Pattern AMOUNT =
            Pattern.compile("([A-Z]{3})?\\s*([+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)");

    /** An amount and the currency code written before it, if any. */
    record Amount(BigDecimal value, String currency) {
    }

    private final Where where;
    private final int line;

    BankCsvValues(Where where, int line) {
        this.where = where;
        this.line = line;
    }

    /** Trimmed text; null when empty or a placeholder. */
    static String text(String cell) {
        String text = cell.strip();
        return text.isEmpty() || PLACEHOLDER.matcher(text).matches() ? null : text;
    }

    /**
     * yyyy-MM-dd, yyyyMMdd or yyyy/MM/dd; or MM/dd in a card statement whose title names its month,
     * a month after the statement month being in the year before.
     */
    LocalDate date(String cell, String column, YearMonth statementMonth) throws RejectedInput {
        String text = required(cell, column);
        Matcher full = DATE.matcher(text);
        Matcher monthDay = MONTH_DAY.matcher(text);
        try {
            if (full.matches()) {
                return LocalDate.of(number(full, 1), number(full, 2), number(full, 3));
            }
            if (monthDay.matches() && statementMonth != null) {
                YearMonth month = statementMonth.withMonth(number(monthDay, 1));
                return (month.isAfter(statementMonth) ? month.minusYears(1) : month).atDay(number(monthDay, 2));
            }
        } catch (DateTimeException e) {
            throw reject(column, text, "is not a calendar date");
        }
        throw reject(column, text, monthDay.matches() ? "has no year and the file's title names no statement month"
                : "is not a date");
    }

    /** HH:mm:ss or HHmmss; null when empty. */
    LocalTime time(String cell, String column) throws RejectedInput {
        String text = text(cell);
        if (text == null) {
            return null;
        }
        Matcher matcher = TIME.matcher(text);
        try {
            if (matcher.matches()) {
                return LocalTime.of(number(matcher, 1), number(matcher, 2), number(matcher, 3));
            }
        } catch (DateTimeException e) {
            throw reject(column, text, "is not a time of day");
        }
        throw reject(column, text, "is not a time of day");
    }

    /** Null when empty. */
    Amount amount(String cell, String column) throws RejectedInput {
        String text = text(cell);
        if (text == null) {
            return null;
        }
        Matcher matcher = AMOUNT.matcher(text);
        if (!matcher.matches()) {
            throw reject(column, text, "is not an amount");
        }
        BigDecimal value = new BigDecimal(matcher.group(2).replace(",", ""));
        if (!StoredAmount.fits(value)) {
            throw reject(column, text, "has " + StoredAmount.TOO_LARGE);
        }
        if (matcher.group(1) != null && !CurrencyCodes.known(matcher.group(1))) {
            throw reject(column, text, "is in " + CurrencyCodes.unknown(matcher.group(1)));
        }
        return new Amount(value, matcher.group(1));
    }

    String currency(String cell, String column) throws RejectedInput {
        String text = required(cell, column);
        if (text.matches("[A-Z]{3}")) {
            if (!CurrencyCodes.known(text)) {
                throw reject(column, text, "is not an ISO 4217 currency code");
            }
            return text;
        }
        String code = BankCsvLayouts.CURRENCIES.get(text);
        if (code == null) {
            throw reject(column, text, "is not a known currency");
        }
        return code;
    }

    /** +1 or -1, from the first word of the cell. */
    int direction(String cell, String column) throws RejectedInput {
        String text = required(cell, column);
        Integer sign = BankCsvLayouts.DIRECTIONS.get(text.split("\\s+")[0]);
        if (sign == null) {
            throw reject(column, text, "does not say whether money came in or went out");
        }
        return sign;
    }

    RejectedInput reject(String what) {
        return where.reject("line " + line + ": " + what);
    }

    private String required(String cell, String column) throws RejectedInput {
        String text = text(cell);
        if (text == null) {
            throw reject(column + " is empty");
        }
        return text;
    }

    private RejectedInput reject(String column, String text, String what) {
        return reject(column + " '" + text + "' " + what);
    }

    private static int number(Matcher matcher, int group) {
        return Integer.parseInt(matcher.group(group));
    }
}
