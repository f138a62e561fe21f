package org.salesops.pipelines.bank;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Finds an ISO 11649 structured creditor reference ("RF" + 2 check digits + up to 21 letters or
 * digits) in free text, written compact or in groups of four. Only a reference whose check digits
 * are right counts, so an "RF" that happens to start a word is not taken for one.
 */
final class CreditorReference {

    private static final Pattern START = Pattern.compile("RF\\d{2}[0-9A-Z]{0,21}");
    private static final Pattern GROUP = Pattern.compile("[0-9A-Z]{1,4}");
    private static final int MAX_LENGTH = 25;
    private static final BigInteger MODULUS = BigInteger.valueOf(97);

    private CreditorReference() {
    }

    /** The first valid RF reference, without spaces; null when there is none. */
    static String findRf(String text) {
        if (text == null) {
            return null;
        }
        String[] words = text.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (!START.matcher(words[i]).matches()) {
                continue;
            }
            String found = null;
            StringBuilder candidate = new StringBuilder(words[i]);
            for (int next = i + 1; candidate.length() <= MAX_LENGTH; next++) {
                if (valid(candidate.toString())) {
                    found = candidate.toString();
                }
                if (next == words.length || !GROUP.matcher(words[next]).matches()) {
                    break;
                }
                candidate.append(words[next]);
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** ISO 7064 MOD 97-10, as for IBANs: the first four characters moved to the end, letters as 10-35. */
    static boolean valid(String reference) {
        if (reference.length() < 5 || reference.length() > MAX_LENGTH) {
            return false;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : (reference.substring(4) + reference.substring(0, 4)).toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        return new BigInteger(digits.toString()).mod(MODULUS).intValue() == 1;
    }
}
