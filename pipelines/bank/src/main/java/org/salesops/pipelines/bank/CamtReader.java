package org.salesops.pipelines.bank;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.salesops.pipelines.common.RejectedInput;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads a camt.052/053/054 message of any version into entries and transactions, without
 * reconciling balances. Elements are matched by local name, so every version's namespace works;
 * the ISO {@code Document} may be the root or sit inside an envelope (business application header,
 * e.g. {@code <message><AppHdr/><Document/></message>}).
 */
final class CamtReader {

    /** e.g. urn:iso:std:iso:20022:tech:xsd:camt.053.001.02 */
    private static final Pattern NAMESPACE = Pattern.compile(".*[:/](camt\\.05[234])\\.(\\d{3}\\.\\d{2})$");

    private final SecureXml xml = new SecureXml();

    CamtDocument read(byte[] document, String origin) throws RejectedInput {
        Where where = Where.document(origin);
        Element iso = isoDocument(xml.parse(document, where), where);
        Element body = Dom.firstElement(iso);
        String bodyName = body == null ? "nothing" : "<" + body.getLocalName() + ">";
        CamtMessageType type = CamtMessageType.ofBody(body == null ? null : body.getLocalName())
                .orElseThrow(() -> where.reject("the Document holds " + bodyName
                        + ", not a camt.052, camt.053 or camt.054 message"));
        String sourceFormat = sourceFormat(iso.getNamespaceURI(), type, where);
        Where message = where.messageType(type.code);

        String messageId = Dom.text(body, "GrpHdr", "MsgId");
        if (messageId == null) {
            throw message.reject("no GrpHdr/MsgId");
        }
        String created = Dom.text(body, "GrpHdr", "CreDtTm");
        if (created == null) {
            throw message.reject("no GrpHdr/CreDtTm");
        }
        Instant createdAt = CamtValues.dateTime(created, message, "GrpHdr/CreDtTm").toInstant();

        List<Element> statements = Dom.children(body, type.accountElement);
        if (statements.isEmpty()) {
            throw message.reject(type.bodyElement + " has no " + type.accountElement);
        }
        List<AccountReport> reports = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            reports.add(readReport(statements.get(i), i + 1, type, sourceFormat, messageId, createdAt, message));
        }
        return new CamtDocument(type, sourceFormat, messageId, List.copyOf(reports));
    }

    private static AccountReport readReport(Element statement, int index, CamtMessageType type, String sourceFormat,
                                            String messageId, Instant messageCreatedAt, Where message)
            throws RejectedInput {
        Where where = message.at(type.accountElement, index);
        String accountId = TransactionDetails.accountId(Dom.child(statement, "Acct"));
        if (accountId == null) {
            throw where.reject("no Acct/Id/IBAN or Acct/Id/Othr/Id");
        }
        String created = Dom.text(statement, "CreDtTm");
        Instant reportedAt = created == null ? messageCreatedAt
                : CamtValues.dateTime(created, where, "CreDtTm").toInstant();
        EntryReader.Context context =
                new EntryReader.Context(type, sourceFormat, messageId, accountId, index, reportedAt);

        List<Element> ntries = Dom.children(statement, "Ntry");
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < ntries.size(); i++) {
            entries.add(EntryReader.read(ntries.get(i), i + 1, context, where));
        }
        Balance opening = Balance.find(statement, "OPBD", where);
        if (opening == null) {
            opening = Balance.find(statement, "PRCD", where);
        }
        return new AccountReport(where, Dom.text(statement, "Id"), accountId, List.copyOf(entries),
                opening, Balance.find(statement, "CLBD", where));
    }

    private static Element isoDocument(Document dom, Where where) throws RejectedInput {
        Element root = dom.getDocumentElement();
        if ("Document".equals(root.getLocalName())) {
            return root;
        }
        NodeList wrapped = dom.getElementsByTagNameNS("*", "Document");
        if (wrapped.getLength() == 0) {
            throw where.reject("root element <" + root.getLocalName() + "> is not an ISO 20022 Document and holds none");
        }
        return (Element) wrapped.item(0);
    }

    /**
     * The message name and version from the Document's namespace; the bare message type when the
     * namespace names no version. A namespace naming another message than the body is contradictory.
     */
    private static String sourceFormat(String namespace, CamtMessageType type, Where where) throws RejectedInput {
        Matcher matcher = NAMESPACE.matcher(namespace == null ? "" : namespace);
        if (!matcher.matches()) {
            return type.code;
        }
        if (!matcher.group(1).equals(type.code)) {
            throw where.reject("namespace " + namespace + " is " + matcher.group(1) + " but the body <"
                    + type.bodyElement + "> is " + type.code);
        }
        return matcher.group(1) + "." + matcher.group(2);
    }
}
