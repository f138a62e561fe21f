package org.salesops.pipelines.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts as compared and as printed in explanations. */
final class Money {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    /** Equal in value whatever the scale (12.5 and 12.50); both null counts as equal. */
    static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** Cents at least, more decimals only when the amount has them: 12000.00, 0.125. */
    static String text(BigDecimal amount) {
        BigDecimal plain = amount.stripTrailingZeros();
        return (plain.scale() < 2 ? plain.setScale(2, RoundingMode.UNNECESSARY) : plain).toPlainString();
    }

    /** The key of an amount in lookups: one per value. */
    static String key(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
