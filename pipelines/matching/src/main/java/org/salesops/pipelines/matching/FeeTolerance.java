package org.salesops.pipelines.matching;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How much less than the amount due a payment may bring and still settle it, the rest being the
 * bank's fee (banks deduct 5.50 to 50.00 on the way). Each limit is optional; when both are set a
 * shortfall must be within both.
 *
 * @param maxAbsolute the largest fee in the payment's currency, or null for no absolute limit
 * @param maxPercent  the largest fee as a percentage of the amount due, or null for no relative limit
 */
public record FeeTolerance(BigDecimal maxAbsolute, BigDecimal maxPercent) implements Serializable {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Whether paying {@code paid} against {@code due} leaves a shortfall the bank's fee explains. */
    public boolean covers(BigDecimal due, BigDecimal paid) {
        BigDecimal shortfall = due.subtract(paid);
        if (shortfall.signum() <= 0 || (maxAbsolute == null && maxPercent == null)) {
            return false;
        }
        boolean absoluteOk = maxAbsolute == null || shortfall.compareTo(maxAbsolute) <= 0;
        boolean percentOk = maxPercent == null || shortfall.multiply(HUNDRED).compareTo(due.multiply(maxPercent)) <= 0;
        return absoluteOk && percentOk;
    }

    /** The most any amount due could fall short by: bounds the invoice-subset search. */
    BigDecimal ceiling(BigDecimal paid) {
        if (maxAbsolute != null) {
            return maxAbsolute;
        }
        if (maxPercent == null) {
            return BigDecimal.ZERO;
        }
        // shortfall <= p% of (paid + shortfall)  <=>  shortfall <= paid * p / (100 - p)
        return paid.multiply(maxPercent).divide(HUNDRED.subtract(maxPercent), 5, RoundingMode.CEILING);
    }
}
