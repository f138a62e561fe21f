package org.salesops.pipelines.matching;

/**
 * How a credit's customer and invoices were found, strongest first, with the strength each gives
 * the match's confidence (schemas/config/matching.json explains the scale). A similar name's
 * strength is its similarity.
 */
public enum Evidence {
    INVOICE_REFERENCE(0.99),
    CREDITOR_REFERENCE(0.99),
    CONTRACT_REFERENCE(0.97),
    PAYER_ACCOUNT(0.95),
    LEARNED_ACCOUNT(0.95),
    PAYER_NAME(0.9),
    LEARNED_NAME(0.9),
    NAME_CONTAINED(0.85),
    SIMILAR_NAME(0),
    AMOUNT_ONLY(0.5);

    private final double strength;

    Evidence(double strength) {
        this.strength = strength;
    }

    public double strength() {
        return strength;
    }

    /** The value of the rule column. */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
