package org.salesops.pipelines.matching;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO 11649 structured creditor references: "RF", two check digits, up to 21 letters or digits,
 * often printed in groups of four (RF18 5390 0754 7034). Valid when the reference moved behind its
 * first four characters, letters read as 10..35, is 1 modulo 97. We issue them with the invoice or
 * contract number as the payload (RF..INV2026004512), so a valid one names a document.
 */
public final class CreditorReference {

    private static final Pattern START = Pattern.compile("(?<![A-Z0-9])RF\\d{2}");
    private static final int MAX_PAYLOAD = 21;

    private CreditorReference() {
    }

    public static boolean isValid(String reference) {
        String compact = compact(reference);
        if (!compact.matches("RF\\d{2}[A-Z0-9]{1," + MAX_PAYLOAD + "}")) {
            return false;
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        int remainder = 0;
        for (char c : rearranged.toCharArray()) {
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = ((value > 9 ? remainder * 100 : remainder * 10) + value) % 97;
        }
        return remainder == 1;
    }

    /** The payload (the part after RF and the check digits) of a valid reference. */
    public static Optional<String> payload(String reference) {
        return reference != null && isValid(reference) ? Optional.of(compact(reference).substring(4)) : Optional.empty();
    }

    /**
     * The first valid RF reference in free text, spaces between its groups allowed. Of the
     * candidate lengths the longest valid one wins, so words after the reference are not taken in.
     */
    public static Optional<String> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        Matcher start = START.matcher(upper);
        while (start.find()) {
            StringBuilder candidate = new StringBuilder(start.group());
            String longestValid = null;
            for (int i = start.end(); i < upper.length() && candidate.length() < 4 + MAX_PAYLOAD; i++) {
                char c = upper.charAt(i);
                if (c == ' ' && i + 1 < upper.length() && upper.charAt(i + 1) != ' ') {
                    continue;
                }
                if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
                    break;
                }
                candidate.append(c);
                if (isValid(candidate.toString())) {
                    longestValid = candidate.toString();
                }
            }
            if (longestValid != null) {
                return Optional.of(longestValid);
            }
        }
        return Optional.empty();
    }

    private static String compact(String reference) {
        return reference.replace(" ", "").toUpperCase(Locale.ROOT);
    }
}
