package org.salesops.pipelines.bank;

import java.math.BigDecimal;

/** The raw table stores amounts as decimal(18,5): at most 13 integer and 5 fraction digits. */
final class StoredAmount {

    static final String TOO_LARGE = "more than 13 integer or 5 fraction digits";

    private static final int MAX_INTEGER_DIGITS = 13;
    private static final int MAX_FRACTION_DIGITS = 5;

    private StoredAmount() {
    }

    static boolean fits(BigDecimal value) {
        return value.scale() <= MAX_FRACTION_DIGITS && value.precision() - value.scale() <= MAX_INTEGER_DIGITS;
    }
}
