package org.salesops.pipelines.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.salesops.pipelines.common.RejectedInput;

/**
 * An MT940/MT942 statement line (:61:): value date YYMMDD, optional entry date MMDD, mark, optional
 * funds code, amount, transaction type, customer reference, "//" bank reference, and supplementary
 * details on the following line.
 *
 * <p>Marks: C and D; RC (reversal of a credit, so a debit) and RD (reversal of a debit, so a credit);
 * EC and ED (expected, MT942). A letter after the mark is the funds code (the currency's third
 * letter, as in "DR" for EUR), not part of the mark. Real files leave out parts SWIFT requires: the
 * type code ("D20,00NONREF", "CN220000,00//1923..."), the entry date written as four spaces, the
 * decimal comma ("C500NTRF"); all of these are read.
 *
 * @param bookingDate    the entry date; the value date when there is none, since banks omit it when
 *                       both are the same day
 * @param signedAmount   credit positive
 * @param expected       EC/ED: announced, not booked
 * @param typeCode       e.g. NTRF, S051; null when absent (the customer reference after it is not kept)
 * @param bankReference  the account servicing institution's reference; null when absent or NONREF
 * @param supplementary  the second line, trimmed; null when absent
 */
record StatementLine(LocalDate valueDate, LocalDate bookingDate, BigDecimal signedAmount, boolean reversal,
                     boolean expected, String typeCode, String bankReference, String supplementary) {

    private static final Pattern LINE = Pattern.compile("(\\d{6})(\\d{4}| {4})?(RC|RD|EC|ED|C|D)([A-Z])?"
            + "(\\d+(?:,\\d*)?)(?:(?!NONREF)([A-Z][A-Z0-9 ]{3}))?(.*?)(?://(.*))?");
    private static final String NO_REFERENCE = "NONREF";

    static StatementLine read(SwiftField field, Where where) throws RejectedInput {
        Matcher matcher = LINE.matcher(field.lines().get(0).stripTrailing());
        if (!matcher.matches()) {
            throw where.reject(field.describe() + " '" + field.first() + "' is not a statement line (YYMMDD value date,"
                    + " optional MMDD entry date, C/D/RC/RD mark, amount, type, reference)");
        }
        LocalDate valueDate = SwiftValues.date(matcher.group(1), where, field.describe());
        String entryDate = matcher.group(2);
        LocalDate bookingDate = entryDate == null || entryDate.isBlank() ? valueDate
                : SwiftValues.dateNear(entryDate, valueDate, where, field.describe());
        String mark = matcher.group(3);
        BigDecimal amount = SwiftValues.amount(matcher.group(5), where, field.describe());
        boolean debit = "D".equals(mark) || "ED".equals(mark) || "RC".equals(mark);
        String supplementary = field.lines().stream().skip(1).map(String::strip).filter(line -> !line.isEmpty())
                .collect(Collectors.joining(" "));
        return new StatementLine(valueDate, bookingDate, debit ? amount.negate() : amount, mark.startsWith("R"),
                mark.startsWith("E"), blankToNull(matcher.group(6)), reference(matcher.group(8)),
                blankToNull(supplementary));
    }

    private static String reference(String text) {
        String reference = blankToNull(text);
        return NO_REFERENCE.equals(reference) ? null : reference;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
