package org.salesops.pipelines.matching;

/** How a credit's amount relates to the open balance of the invoices it is matched to. */
public enum AmountFit {
    /** Settles them to the cent. */
    EXACT(1.0),
    /** Settles them but for a shortfall within the bank-fee tolerance, written off. */
    WITHIN_FEE(0.97),
    /** Less than they need: applied, the rest stays open. */
    PARTIAL(0.9),
    /** More than they need: the rest is left unapplied. */
    OVERPAID(0.7);

    /** Settling several invoices at once is a little less certain than one. */
    static final double SEVERAL_INVOICES = 0.97;

    private final double factor;

    AmountFit(double factor) {
        this.factor = factor;
    }

    double factor() {
        return factor;
    }

    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
