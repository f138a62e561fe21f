package org.salesops.pipelines.bank;

import java.util.Set;

/**
 * What an MT940 :86: field says about one statement line; every part may be null.
 *
 * @param remittance the payer's free-text message
 * @param endToEndId null when absent or NOTPROVIDED
 */
record PaymentInfo(String counterpartyName, String counterpartyAccount, String remittance, String endToEndId,
                   String creditorReference) {

    static final PaymentInfo NONE = new PaymentInfo(null, null, null, null, null);

    /** The SEPA filler for "no end-to-end reference", and the SWIFT one German banks also use. */
    private static final Set<String> NO_REFERENCE = Set.of("NOTPROVIDED", "NONREF");

    /** Trimmed, inner whitespace runs made one space; null when nothing is left. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = text.strip().replaceAll("\\s+", " ");
        return cleaned.isEmpty() ? null : cleaned;
    }

    static String endToEnd(String reference) {
        String cleaned = clean(reference);
        return cleaned == null || NO_REFERENCE.contains(cleaned) ? null : cleaned;
    }
}
