package org.salesops.pipelines.bank;

import java.util.ArrayList;
import java.util.List;
import org.salesops.pipelines.common.RejectedInput;

/**
 * Turns an ISO 20022 bank-to-customer message into bank transactions: camt.054 notifications,
 * camt.053 statements and camt.052 intraday reports, versions 001.02 to 001.10, with or without
 * a business application header envelope. A document is accepted whole or rejected whole, never
 * half-loaded.
 *
 * <p>Rules, each explained where it is applied:
 * <ul>
 *   <li>XML: no DOCTYPE at all, so no external entities and no entity expansion ({@link SecureXml}).</li>
 *   <li>Signs, batch splitting, status and event time: {@link EntryReader}. A batch entry whose
 *       transactions do not add up to it is rejected.</li>
 *   <li>Counterparty, references and remittance: {@link TransactionDetails}.</li>
 *   <li>Transaction key (the dedup key): {@link TransactionKey}.</li>
 *   <li>A statement with an opening (OPBD, else PRCD) and a closing (CLBD) booked balance must
 *       reconcile with its booked entries, else the whole document is rejected
 *       ({@link BalanceReconciliation}).</li>
 * </ul>
 * Every rejection says what is wrong and where, e.g.
 * {@code "inbox/x.xml: camt.054 Ntfctn[1]/Ntry[3]: no Amt"}. Balances themselves are not
 * returned. Thread-safe.
 */
public final class CamtParser {

    private final CamtReader reader = new CamtReader();

    /**
     * @param document the XML bytes, as received
     * @param origin   where they came from (file name, topic/partition/offset), for rejection reasons
     * @return the transactions in document order; empty for a document without entries
     * @throws RejectedInput when the document is not a readable, consistent camt message
     */
    public List<BankTransaction> parse(byte[] document, String origin) throws RejectedInput {
        CamtDocument camt = reader.read(document, origin);
        List<BankTransaction> transactions = new ArrayList<>();
        for (AccountReport report : camt.reports()) {
            BalanceReconciliation.check(report);
            transactions.addAll(report.transactions());
        }
        return List.copyOf(transactions);
    }
}
