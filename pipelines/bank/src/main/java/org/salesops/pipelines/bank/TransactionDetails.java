package org.salesops.pipelines.bank;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.salesops.pipelines.common.RejectedInput;
import org.w3c.dom.Element;

/**
 * The descriptive fields of one transaction ({@code TxDtls}): references, the other party,
 * remittance information. An entry without TxDtls yields {@link #NONE}.
 *
 * @param accountServicerReference {@code Refs/AcctSvcrRef}: the bank's reference of this transaction
 * @param acceptedAt               {@code RltdDts/AccptncDtTm}: when the bank accepted the payment
 */
record TransactionDetails(
        String accountServicerReference,
        String endToEndId,
        String counterpartyName,
        String counterpartyAccount,
        String remittanceUnstructured,
        String creditorReference,
        List<String> referredDocuments,
        String bankTransactionCode,
        Instant acceptedAt) {

    static final TransactionDetails NONE =
            new TransactionDetails(null, null, null, null, null, null, List.of(), null, null);

    /** The SEPA filler for "no end-to-end reference", also seen in Ustrd. */
    private static final String NOT_PROVIDED = "NOTPROVIDED";

    /**
     * @param payerIsCounterparty true when the other party is the debtor: a credit, or the
     *                            reversal of a debit. A reversal keeps the parties of the payment
     *                            it reverses, so a returned direct debit (booked DBIT, RvslInd)
     *                            still names the payer as Dbtr (PostFinance sample, MD06 return).
     */
    static TransactionDetails read(Element txDtls, boolean payerIsCounterparty, Where where)
            throws RejectedInput {
        String endToEndId = Dom.text(txDtls, "Refs", "EndToEndId");
        Element parties = Dom.child(txDtls, "RltdPties");
        String side = payerIsCounterparty ? "Dbtr" : "Cdtr";
        String acceptance = Dom.text(txDtls, "RltdDts", "AccptncDtTm");
        return new TransactionDetails(
                Dom.text(txDtls, "Refs", "AcctSvcrRef"),
                NOT_PROVIDED.equals(endToEndId) ? null : endToEndId,
                firstNonNull(partyName(Dom.child(parties, side)), partyName(Dom.child(parties, "Ultmt" + side))),
                accountId(Dom.child(parties, side + "Acct")),
                unstructured(txDtls),
                creditorReference(txDtls),
                referredDocuments(txDtls),
                bankTransactionCode(Dom.child(txDtls, "BkTxCd")),
                acceptance == null ? null
                        : CamtValues.dateTime(acceptance, where, "RltdDts/AccptncDtTm").toInstant());
    }

    /** {@code Domn/Fmly/SubFmly} joined with '/', else the proprietary code, else null. */
    static String bankTransactionCode(Element bkTxCd) {
        Element domain = Dom.child(bkTxCd, "Domn");
        if (domain != null) {
            return Stream.of(Dom.text(domain, "Cd"), Dom.text(domain, "Fmly", "Cd"),
                    Dom.text(domain, "Fmly", "SubFmlyCd")).filter(Objects::nonNull).collect(Collectors.joining("/"));
        }
        return Dom.text(bkTxCd, "Prtry", "Cd");
    }

    /** An account id: the IBAN, else the other identification. */
    static String accountId(Element account) {
        return firstNonNull(Dom.text(account, "Id", "IBAN"), Dom.text(account, "Id", "Othr", "Id"));
    }

    /** v02-v04 put the name on the party, v08+ under {@code Pty}. */
    private static String partyName(Element party) {
        return firstNonNull(Dom.text(party, "Nm"), Dom.text(party, "Pty", "Nm"));
    }

    private static String unstructured(Element txDtls) {
        List<String> lines = new ArrayList<>();
        for (Element line : Dom.children(Dom.child(txDtls, "RmtInf"), "Ustrd")) {
            String text = Dom.textOf(line);
            // banks fill an empty Ustrd with the same filler as EndToEndId (BE sample)
            if (text != null && !NOT_PROVIDED.equals(text)) {
                lines.add(text);
            }
        }
        return lines.isEmpty() ? null : String.join(" ", lines);
    }

    private static String creditorReference(Element txDtls) {
        for (Element structured : Dom.children(Dom.child(txDtls, "RmtInf"), "Strd")) {
            String reference = Dom.text(structured, "CdtrRefInf", "Ref");
            if (reference != null) {
                return reference;
            }
        }
        return null;
    }

    private static List<String> referredDocuments(Element txDtls) {
        List<String> numbers = new ArrayList<>();
        for (Element structured : Dom.children(Dom.child(txDtls, "RmtInf"), "Strd")) {
            for (Element document : Dom.children(structured, "RfrdDocInf")) {
                String number = Dom.text(document, "Nb");
                if (number != null) {
                    numbers.add(number);
                }
            }
        }
        return List.copyOf(numbers);
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
