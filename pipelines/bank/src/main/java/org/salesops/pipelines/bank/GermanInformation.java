package org.salesops.pipelines.bank;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The German structured :86: (DFÜ-Abkommen Anlage 3): a 3-digit business transaction code, then
 * subfields introduced by a separator ("?", Triodos uses ">") and two digits: ?00 booking text,
 * ?20-?29 and ?60-?63 purpose, ?30 bank code or BIC, ?31 account or IBAN, ?32-?33 name, ?38 IBAN.
 *
 * <p>A SEPA purpose is one text cut into 27-character subfields, so the parts are joined without
 * a separator and split at the identifiers EREF+ (end-to-end id), SVWZ+ (remittance text), ABWA+ /
 * ABWE+ (ultimate parties) and the others. A purpose without identifiers is a list of lines: a line
 * filled to the full 27 characters was cut and goes on in the next one without a space ("MTLG:SEPA-
 * Ueberweisungsauft" + "rag"), a shorter one ends with a space.
 */
final class GermanInformation {

    static final Pattern START = Pattern.compile("\\d{3}([?>])\\d{2}");
    private static final Pattern IDENTIFIER =
            Pattern.compile("(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|COAM|OAMT|IBAN|BIC)\\+");
    private static final String FREE_TEXT = "";
    private static final int PURPOSE_WIDTH = 27;

    private GermanInformation() {
    }

    /** @param text the :86: lines joined without a separator, starting with the code */
    static PaymentInfo read(String text) {
        Matcher start = START.matcher(text);
        if (!start.lookingAt()) {
            throw new IllegalArgumentException("not a German structured :86: " + text);
        }
        Map<Integer, String> subfields = subfields(text.substring(3), start.group(1));
        List<String> purpose = new ArrayList<>();
        subfields.forEach((code, value) -> {
            if (code >= 20 && code <= 29 || code >= 60 && code <= 63) {
                purpose.add(value);
            }
        });
        Map<String, String> sepa = identifiers(String.join("", purpose));
        String remittance = sepa.isEmpty() ? PaymentInfo.clean(lines(purpose))
                : PaymentInfo.clean(sepa.getOrDefault("SVWZ", sepa.get(FREE_TEXT)));
        String name = PaymentInfo.clean(subfields.getOrDefault(32, "") + subfields.getOrDefault(33, ""));
        if (name == null) {
            name = PaymentInfo.clean(sepa.getOrDefault("ABWA", sepa.get("ABWE")));
        }
        String account = PaymentInfo.clean(subfields.get(31));
        return new PaymentInfo(name, account != null ? account : PaymentInfo.clean(subfields.get(38)), remittance,
                PaymentInfo.endToEnd(sepa.get("EREF")), CreditorReference.findRf(remittance));
    }

    private static String lines(List<String> purpose) {
        StringBuilder text = new StringBuilder();
        for (String line : purpose) {
            text.append(line).append(line.length() < PURPOSE_WIDTH ? " " : "");
        }
        return text.toString();
    }

    /** Subfield code to text; a code that repeats has its texts joined. */
    private static Map<Integer, String> subfields(String text, String separator) {
        Map<Integer, String> subfields = new TreeMap<>();
        Matcher codes = Pattern.compile(Pattern.quote(separator) + "(\\d{2})").matcher(text);
        int code = -1;
        int from = 0;
        while (codes.find()) {
            if (code >= 0) {
                subfields.merge(code, text.substring(from, codes.start()), String::concat);
            }
            code = Integer.parseInt(codes.group(1));
            from = codes.end();
        }
        if (code >= 0) {
            subfields.merge(code, text.substring(from), String::concat);
        }
        return subfields;
    }

    /** SEPA identifier to its text, and the text before the first identifier under ""; empty without any. */
    private static Map<String, String> identifiers(String purpose) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher identifier = IDENTIFIER.matcher(purpose);
        String current = FREE_TEXT;
        int from = 0;
        while (identifier.find()) {
            values.merge(current, purpose.substring(from, identifier.start()), String::concat);
            current = identifier.group(1);
            from = identifier.end();
        }
        if (values.isEmpty()) {
            return Map.of();
        }
        values.merge(current, purpose.substring(from), String::concat);
        return values;
    }
}
