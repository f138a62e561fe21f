package org.salesops.pipelines.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.salesops.pipelines.common.RejectedInput;

/**
 * An MT940 balance field (:60F: :60M: :62F: :62M:): D/C mark, YYMMDD date, currency, amount.
 *
 * @param signedAmount credit positive
 */
record SwiftBalance(String tag, LocalDate date, String currency, BigDecimal signedAmount) {

    private static final Pattern BALANCE = Pattern.compile("([CD])(\\d{6})([A-Z]{3})(\\S+)");

    static SwiftBalance read(SwiftField field, Where where) throws RejectedInput {
        Matcher matcher = BALANCE.matcher(field.first());
        if (!matcher.matches()) {
            throw where.reject(field.describe() + " '" + field.first()
                    + "' is not a balance (C or D, YYMMDD date, currency, amount)");
        }
        if (field.continues()) {
            throw where.reject(field.describe() + " continues on the next line");
        }
        if (!CurrencyCodes.known(matcher.group(3))) {
            throw where.reject(field.describe() + " " + CurrencyCodes.unknown(matcher.group(3)));
        }
        BigDecimal amount = SwiftValues.amount(matcher.group(4), where, field.describe());
        return new SwiftBalance(field.tag(), SwiftValues.date(matcher.group(2), where, field.describe()),
                matcher.group(3), "D".equals(matcher.group(1)) ? amount.negate() : amount);
    }

    @Override
    public String toString() {
        return ":" + tag + ": " + date + " " + signedAmount.toPlainString() + " " + currency;
    }
}
