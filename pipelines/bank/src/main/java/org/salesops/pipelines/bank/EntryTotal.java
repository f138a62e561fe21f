package org.salesops.pipelines.bank;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.salesops.pipelines.common.RejectedInput;

/** An MT942 :90D: or :90C: field: the number and sum of the debit or credit lines in the report. */
record EntryTotal(String tag, int count, String currency, BigDecimal amount) {

    private static final Pattern TOTAL = Pattern.compile("(\\d{1,5})([A-Z]{3})(\\S+)");

    static EntryTotal read(SwiftField field, Where where) throws RejectedInput {
        Matcher matcher = TOTAL.matcher(field.first());
        if (!matcher.matches()) {
            throw where.reject(field.describe() + " '" + field.first()
                    + "' is not a number of entries, a currency and an amount");
        }
        return new EntryTotal(field.tag(), Integer.parseInt(matcher.group(1)), matcher.group(2),
                SwiftValues.amount(matcher.group(3), where, field.describe()));
    }
}
