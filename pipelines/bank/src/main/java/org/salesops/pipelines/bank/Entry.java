package org.salesops.pipelines.bank;

import java.math.BigDecimal;
import java.util.List;

/**
 * One account entry ({@code Ntry}) as booked on the account, and the transactions it was split into.
 *
 * @param where        its location, for reasons
 * @param signedAmount the entry amount, credit positive
 * @param status       BOOK, PDNG or INFO
 */
record Entry(Where where, BigDecimal signedAmount, String currency, String status,
             List<BankTransaction> transactions) {

    boolean booked() {
        return "BOOK".equals(status);
    }
}
