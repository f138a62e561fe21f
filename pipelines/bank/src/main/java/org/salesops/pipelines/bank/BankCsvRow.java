package org.salesops.pipelines.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * One transaction row of a bank CSV export, typed; text parts are null when empty.
 *
 * @param line    1-based line in the file, for reasons
 * @param cells   the row as written, trimmed: what its transaction key is made of
 * @param time    Beijing time, or null
 * @param amount  signed: credit positive
 * @param balance running balance after the row, or null when the layout has none
 * @param account our account as the row names it, or null
 */
record BankCsvRow(int line, List<String> cells, LocalDate date, LocalTime time, BigDecimal amount, String currency,
                  BigDecimal balance, String type, String remittance, String counterpartyName,
                  String counterpartyAccount, String reference, String account) {
}
