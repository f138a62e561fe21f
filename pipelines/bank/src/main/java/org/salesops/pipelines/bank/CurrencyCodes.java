package org.salesops.pipelines.bank;

import java.util.Currency;
import java.util.Set;

/**
 * ISO 4217 currency codes, as the JDK knows them. A transaction in a code outside the standard cannot be matched to
 * an invoice nor added to anything, and is most likely a typing or export error, so the file carrying it is rejected
 * with the code named rather than loaded as money of an unknown kind. XXX (no currency) and XTS (testing) are codes of
 * the standard that are never money on an account.
 */
final class CurrencyCodes {

    private static final Set<String> NOT_MONEY = Set.of("XXX", "XTS");

    private CurrencyCodes() {
    }

    static boolean known(String code) {
        if (code == null || !code.matches("[A-Z]{3}") || NOT_MONEY.contains(code)) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException notIso4217) {
            return false;
        }
    }

    /** Why a code is refused, for the rejection's reason. */
    static String unknown(String code) {
        return "currency '" + code + "' is not an ISO 4217 currency code";
    }
}
