package org.salesops.pipelines.bank;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes bank transactions as the camt.054.001.08 debit/credit notification a bank would send
 * for them: one notification for the account, one entry per transaction (its own Amt, CdtDbtInd,
 * RvslInd, Sts/Cd, BookgDt, ValDt, AcctSvcrRef, BkTxCd) with one TxDtls (the key as
 * Refs/AcctSvcrRef, EndToEndId or NOTPROVIDED, the counterparty on the side {@link CamtParser}
 * reads it from, Ustrd, RF/QRR creditor reference, referred invoices). The output is valid
 * against the ISO schema.
 *
 * <p>Reading the document back with {@link CamtParser} gives the same transactions, except for
 * what the document itself decides: the source format (camt.054.001.08), the message id and
 * the account are the ones given here. For that to hold, the writer refuses (with
 * IllegalArgumentException) a transaction without accountServicerReference, an amount with more
 * than 5 decimals, and a bookingDate that is not bookedAt's date in UTC. A transaction without
 * bookingDate carries bookedAt as the acceptance time ({@code RltdDts/AccptncDtTm}), where the
 * parser looks for it. Ustrd is at most 140 characters, so longer text is split at spaces.
 */
public final class Camt054Writer {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08";

    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[a-zA-Z0-9]{1,30}");
    private static final Pattern QR_REFERENCE = Pattern.compile("[0-9]{27}");
    private static final Set<String> STATUSES = Set.of("BOOK", "PDNG", "INFO");
    private static final int MAX_USTRD = 140;
    private static final int MAX_SCALE = 5;

    private final SecureXml xml = new SecureXml();

    /**
     * @param messageId   GrpHdr/MsgId, also used as the notification id
     * @param createdAt   creation time of the message
     * @param account     the notified account: an IBAN, else a domestic account number (written as Othr/Id)
     * @return the XML document, UTF-8 declared
     */
    public String write(String messageId, Instant createdAt, String account, List<BankTransaction> txs) {
        requireText(messageId, "messageId");
        requireText(account, "account");
        if (createdAt == null) {
            throw new IllegalArgumentException("createdAt is required");
        }
        Document document = xml.newDocument();
        Element root = document.createElementNS(NAMESPACE, "Document");
        document.appendChild(root);
        Element body = add(root, "BkToCstmrDbtCdtNtfctn");
        Element header = add(body, "GrpHdr");
        add(header, "MsgId", messageId);
        add(header, "CreDtTm", dateTime(createdAt));
        Element notification = add(body, "Ntfctn");
        add(notification, "Id", messageId);
        add(notification, "CreDtTm", dateTime(createdAt));
        accountId(add(add(notification, "Acct"), "Id"), account);
        for (BankTransaction tx : txs) {
            writeEntry(notification, tx);
        }
        return serialise(document);
    }

    private static void writeEntry(Element notification, BankTransaction tx) {
        check(tx);
        boolean credit = tx.amount().signum() >= 0;
        Element entry = add(notification, "Ntry");
        amount(entry, tx);
        if (tx.reversal()) {
            add(entry, "RvslInd", "true");
        }
        add(add(entry, "Sts"), "Cd", tx.status());
        if (tx.bookingDate() != null) {
            Element booking = add(entry, "BookgDt");
            if (tx.bookedAt().equals(CamtValues.startOfDayUtc(tx.bookingDate()))) {
                add(booking, "Dt", tx.bookingDate().toString());
            } else {
                add(booking, "DtTm", dateTime(tx.bookedAt()));
            }
        }
        if (tx.valueDate() != null) {
            add(add(entry, "ValDt"), "Dt", tx.valueDate().toString());
        }
        add(entry, "AcctSvcrRef", tx.accountServicerReference());
        bankTransactionCode(add(entry, "BkTxCd"), tx.bankTransactionCode());

        Element details = add(add(entry, "NtryDtls"), "TxDtls");
        Element refs = add(details, "Refs");
        add(refs, "AcctSvcrRef", tx.transactionKey());
        add(refs, "EndToEndId", tx.endToEndId() != null ? tx.endToEndId() : "NOTPROVIDED");
        amount(details, tx);
        counterparty(details, tx, credit != tx.reversal());
        remittance(details, tx);
        if (tx.bookingDate() == null) {
            add(add(details, "RltdDts"), "AccptncDtTm", dateTime(tx.bookedAt()));
        }
    }

    private static void check(BankTransaction tx) {
        if (tx.amount() == null || tx.currency() == null || tx.bookedAt() == null || tx.transactionKey() == null) {
            throw new IllegalArgumentException("amount, currency, bookedAt and transactionKey are required: " + tx);
        }
        if (tx.accountServicerReference() == null) {
            throw new IllegalArgumentException("a bank references every booking; accountServicerReference is missing: "
                    + tx.transactionKey());
        }
        if (!STATUSES.contains(tx.status())) {
            throw new IllegalArgumentException("status must be BOOK, PDNG or INFO: " + tx.transactionKey());
        }
        if (tx.amount().scale() > MAX_SCALE) {
            throw new IllegalArgumentException("camt amounts have at most 5 decimals: " + tx.transactionKey());
        }
        if (tx.bookingDate() != null
                && !LocalDate.ofInstant(tx.bookedAt(), ZoneOffset.UTC).equals(tx.bookingDate())) {
            throw new IllegalArgumentException("bookingDate " + tx.bookingDate() + " is not the UTC date of bookedAt "
                    + tx.bookedAt() + ": " + tx.transactionKey());
        }
    }

    private static void amount(Element parent, BankTransaction tx) {
        BigDecimal amount = tx.amount();
        add(parent, "Amt", amount.abs().toPlainString()).setAttribute("Ccy", tx.currency());
        add(parent, "CdtDbtInd", amount.signum() >= 0 ? "CRDT" : "DBIT");
    }

    /** "PMNT/RCDT/ESCT" as a domain code, anything else as a proprietary code; empty when unknown. */
    private static void bankTransactionCode(Element bkTxCd, String code) {
        if (code == null) {
            return;
        }
        String[] parts = code.split("/");
        if (parts.length == 3) {
            Element domain = add(bkTxCd, "Domn");
            add(domain, "Cd", parts[0]);
            Element family = add(domain, "Fmly");
            add(family, "Cd", parts[1]);
            add(family, "SubFmlyCd", parts[2]);
        } else {
            add(add(bkTxCd, "Prtry"), "Cd", code);
        }
    }

    private static void counterparty(Element details, BankTransaction tx, boolean payerIsCounterparty) {
        if (tx.counterpartyName() == null && tx.counterpartyAccount() == null) {
            return;
        }
        String side = payerIsCounterparty ? "Dbtr" : "Cdtr";
        Element parties = add(details, "RltdPties");
        if (tx.counterpartyName() != null) {
            add(add(add(parties, side), "Pty"), "Nm", tx.counterpartyName());
        }
        if (tx.counterpartyAccount() != null) {
            accountId(add(add(parties, side + "Acct"), "Id"), tx.counterpartyAccount());
        }
    }

    /** An IBAN as IBAN; any other account number (the schema allows no other in IBAN) as Othr/Id. */
    private static void accountId(Element id, String account) {
        if (IBAN.matcher(account).matches()) {
            add(id, "IBAN", account);
        } else {
            add(add(id, "Othr"), "Id", account);
        }
    }

    private static void remittance(Element details, BankTransaction tx) {
        boolean structured = tx.creditorReference() != null || !tx.referredDocuments().isEmpty();
        if (tx.remittanceUnstructured() == null && !structured) {
            return;
        }
        Element remittance = add(details, "RmtInf");
        if (tx.remittanceUnstructured() != null) {
            for (String line : ustrdLines(tx.remittanceUnstructured())) {
                add(remittance, "Ustrd", line);
            }
        }
        if (!structured) {
            return;
        }
        Element strd = add(remittance, "Strd");
        for (String invoice : tx.referredDocuments()) {
            Element document = add(strd, "RfrdDocInf");
            add(add(add(document, "Tp"), "CdOrPrtry"), "Cd", "CINV");
            add(document, "Nb", invoice);
        }
        if (tx.creditorReference() != null) {
            creditorReference(add(strd, "CdtrRefInf"), tx.creditorReference());
        }
    }

    /** ISO 11649 RF references as SCOR issued by ISO (EPC usage), Swiss QR references as QRR. */
    private static void creditorReference(Element info, String reference) {
        if (reference.startsWith("RF")) {
            Element type = add(info, "Tp");
            add(add(type, "CdOrPrtry"), "Cd", "SCOR");
            add(type, "Issr", "ISO");
        } else if (QR_REFERENCE.matcher(reference).matches()) {
            add(add(add(info, "Tp"), "CdOrPrtry"), "Prtry", "QRR");
        }
        add(info, "Ref", reference);
    }

    /** Splits at the last space within 140 characters; the parser joins lines with one space. */
    static List<String> ustrdLines(String text) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (rest.length() > MAX_USTRD) {
            int space = rest.lastIndexOf(' ', MAX_USTRD);
            int cut = space > 0 ? space : MAX_USTRD;
            lines.add(rest.substring(0, cut));
            rest = rest.substring(space > 0 ? cut + 1 : cut);
        }
        lines.add(rest);
        return lines;
    }

    private static String dateTime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static Element add(Element parent, String name) {
        Element child = parent.getOwnerDocument().createElementNS(NAMESPACE, name);
        parent.appendChild(child);
        return child;
    }

    private static Element add(Element parent, String name, String text) {
        Element child = add(parent, name);
        child.setTextContent(text);
        return child;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static String serialise(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            // the JDK writes its own declaration without a line break after it
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter().append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("serialising an in-memory DOM cannot fail: " + e.getMessage(), e);
        }
    }
}
