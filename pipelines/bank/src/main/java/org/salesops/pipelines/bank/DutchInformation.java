package org.salesops.pipelines.bank;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Dutch structured :86: (ING, ABN AMRO, Rabobank, Knab, ASN, SNS, Triodos, bunq): slash-delimited
 * codes and values, e.g. {@code /TRTP/SEPA OVERBOEKING/IBAN/NL..../BIC/.../NAME/.../REMI/.../EREF/...}.
 * The variants seen in real files:
 * <ul>
 *   <li>counterparty as /IBAN/ and /NAME/, nested under /BENM// or /ORDP// (Rabobank), or as ING's
 *       positional /CNTP/iban/bic/name/city/;</li>
 *   <li>remittance as /REMI/text, ING's /REMI/USTD//text/; a structured payment reference (issued
 *       by Currence, "CUR") as ING's /REMI/STRD/CUR/reference/, Rabobank's /CDTRREF/reference or
 *       ABN AMRO's /REMI/ISSUER: CUR REF: reference;</li>
 *   <li>a code that repeats (Rabobank writes "/REMI//REMI/text") has its values joined.</li>
 * </ul>
 * Only the codes below split the text, so a "/" inside a name or remittance stays text.
 */
final class DutchInformation {

    static final Pattern CODE = Pattern.compile("/(TRTP|IBAN|BIC|NAME|REMI|EREF|MARF|CSID|ORDP|BENM|CNTP|PURP|RTRN"
            + "|ISDT|ADDR|ID|ULTC|ULTD|ULTB|CDTRREFTP|CDTRREF|CD|ISSR|PREF|TRCD|SUM|BUSP|SVCL|CREF)/");
    private static final String UNSTRUCTURED = "USTD//";
    private static final String STRUCTURED = "STRD/";
    private static final Pattern ABN_REFERENCE = Pattern.compile("ISSUER: CUR\\s+REF: (\\S+)");

    private DutchInformation() {
    }

    /** @param text the :86: lines joined without a separator, starting with a code */
    static PaymentInfo read(String text) {
        Map<String, String> values = values(text);
        String[] counterparty = values.getOrDefault("CNTP", "").split("/", -1);
        String name = PaymentInfo.clean(values.get("NAME"));
        String account = PaymentInfo.clean(values.get("IBAN"));
        String remittance = values.get("REMI");
        String creditorReference = PaymentInfo.clean(values.get("CDTRREF"));
        if (remittance != null && remittance.startsWith(UNSTRUCTURED)) {
            remittance = remittance.substring(UNSTRUCTURED.length());
        } else if (remittance != null && remittance.startsWith(STRUCTURED)) {
            // STRD/<issuer>/<reference>
            String[] parts = remittance.split("/", -1);
            creditorReference = parts.length > 2 ? PaymentInfo.clean(parts[2]) : null;
            remittance = null;
        }
        remittance = PaymentInfo.clean(remittance);
        Matcher abn = ABN_REFERENCE.matcher(remittance == null ? "" : remittance);
        if (creditorReference == null && abn.matches()) {
            creditorReference = abn.group(1);
            remittance = null;
        }
        return new PaymentInfo(
                name != null ? name : part(counterparty, 2),
                account != null ? account : part(counterparty, 0),
                remittance,
                PaymentInfo.endToEnd(values.get("EREF")),
                creditorReference != null ? creditorReference : CreditorReference.findRf(remittance));
    }

    /** Code to value, without the slashes that close a value ("/EREF/x//MARF/" gives x). */
    private static Map<String, String> values(String text) {
        Map<String, String> values = new HashMap<>();
        Matcher code = CODE.matcher(text);
        String current = null;
        int from = 0;
        while (code.find()) {
            if (current != null) {
                put(values, current, text.substring(from, code.start()));
            }
            current = code.group(1);
            from = code.end();
        }
        if (current != null) {
            put(values, current, text.substring(from));
        }
        return values;
    }

    private static void put(Map<String, String> values, String code, String value) {
        String trimmed = value.replaceAll("/+$", "").strip();
        values.merge(code, trimmed, (earlier, later) -> earlier.isEmpty() ? later
                : later.isEmpty() ? earlier : earlier + " " + later);
    }

    private static String part(String[] parts, int index) {
        return index < parts.length ? PaymentInfo.clean(parts[index]) : null;
    }
}
