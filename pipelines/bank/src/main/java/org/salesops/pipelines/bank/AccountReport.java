package org.salesops.pipelines.bank;

import java.util.List;

/**
 * One account's part of a camt message: a {@code Stmt}, {@code Ntfctn} or {@code Rpt} with its
 * entries and the balances that reconciliation needs.
 *
 * @param id      its {@code Id}
 * @param opening OPBD, else PRCD (previously closed booked), or null
 * @param closing CLBD, or null
 */
record AccountReport(Where where, String id, String accountId, List<Entry> entries,
                     Balance opening, Balance closing) {

    List<BankTransaction> transactions() {
        return entries.stream().flatMap(entry -> entry.transactions().stream()).toList();
    }
}
