package org.salesops.pipelines.bank;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An unstructured :86: (ABN AMRO and ING before SEPA, Knab, Danske, mBank, ...): all of it is the
 * remittance text. The other party is read where Dutch banks put it: labelled ("IBAN: NL..",
 * "REK: NL../NAAM: ...", ABN AMRO and Knab), or as IBAN and name on the first line (ASN and SNS).
 */
final class FreeTextInformation {

    private static final Pattern ACCOUNT =
            Pattern.compile("\\b(?:IBAN|REK)\\s*:\\s*([A-Z]{2}\\d{2}[A-Z0-9]{10,30}|\\d{5,})");
    private static final Pattern IBAN_AND_NAME = Pattern.compile("([A-Z]{2}\\d{2}[A-Z0-9]{10,30})\\s+(\\S.*)");
    /** NAAM: up to two spaces (a column gap), the next label or the end of the line. */
    private static final Pattern NAME = Pattern.compile("\\bNAAM\\s*:\\s*(.+?)(?=\\s{2,}|\\s+[A-Z][A-Z.]+:|$)");

    private FreeTextInformation() {
    }

    static PaymentInfo read(List<String> lines) {
        String remittance = PaymentInfo.clean(String.join(" ", lines));
        String name = null;
        for (String line : lines) {
            Matcher matcher = NAME.matcher(line.strip());
            if (name == null && matcher.find()) {
                name = PaymentInfo.clean(matcher.group(1));
            }
        }
        Matcher account = ACCOUNT.matcher(remittance == null ? "" : remittance);
        String accountId = account.find() ? account.group(1) : null;
        Matcher first = IBAN_AND_NAME.matcher(lines.get(0).strip());
        if (name == null && accountId == null && first.matches()) {
            accountId = first.group(1);
            name = PaymentInfo.clean(first.group(2));
        }
        return new PaymentInfo(name, accountId, remittance, null, CreditorReference.findRf(remittance));
    }
}
