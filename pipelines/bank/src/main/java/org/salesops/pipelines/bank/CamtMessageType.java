package org.salesops.pipelines.bank;

import java.util.Arrays;
import java.util.Optional;

/** The ISO 20022 bank-to-customer messages that report account entries, by their body element. */
enum CamtMessageType {
    /** End-of-day statement: booked entries between an opening and a closing balance. */
    STATEMENT("camt.053", "BkToCstmrStmt", "Stmt"),
    /** Debit/credit notification, sent as entries happen; carries no balances. */
    NOTIFICATION("camt.054", "BkToCstmrDbtCdtNtfctn", "Ntfctn"),
    /** Intraday account report; same entry structure, balances optional. */
    REPORT("camt.052", "BkToCstmrAcctRpt", "Rpt");

    final String code;
    final String bodyElement;
    final String accountElement;

    CamtMessageType(String code, String bodyElement, String accountElement) {
        this.code = code;
        this.bodyElement = bodyElement;
        this.accountElement = accountElement;
    }

    static Optional<CamtMessageType> ofBody(String localName) {
        return Arrays.stream(values()).filter(t -> t.bodyElement.equals(localName)).findFirst();
    }
}
