package org.salesops.pipelines.bank;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One bank transaction, normalised from any statement format (camt.054, camt.053, MT940/MT942,
 * Chinese bank CSV). A batch booking is split: one record per underlying transaction.
 * The JSON form is described by {@code schemas/input/bank-transaction.schema.json}.
 *
 * @param transactionKey          stable unique id within the account: the dedup key. For camt it
 *                                is the transaction's AcctSvcrRef, else the entry's reference +
 *                                "/" + the transaction's index in the entry, else a digest of its
 *                                position (see {@code TransactionKey}); MT940 and bank CSV keys are
 *                                described by {@code Mt940Keys} and {@code ChineseBankCsvParser}; it
 *                                names the transaction, not its status, so a later BOOK replaces an
 *                                earlier PDNG
 * @param sourceFormat            e.g. "camt.054.001.08", "camt.053.001.02", "MT940", "csv.icbc-debit"
 * @param messageId               id of the document it came from: GrpHdr/MsgId, the MT940 :20:, a
 *                                digest of a CSV file
 * @param accountId               the reported (our) account: IBAN or other id; null when a CSV
 *                                export does not name it
 * @param amount                  signed: credit positive, debit negative; scale as in the source
 *                                (at most 5 decimals)
 * @param currency                ISO 4217
 * @param bookingDate             booking date (often null for pending and INFO entries)
 * @param valueDate               value date, or null
 * @param bookedAt                booking date-time when the source has one, else bookingDate at
 *                                00:00 UTC; without a booking date the best time the source has
 *                                (camt: payment acceptance time, value date, report creation time);
 *                                never null: the event time of the record
 * @param status                  BOOK (final), PDNG (pending) or INFO (advice only)
 * @param reversal                true for a reversal (return) of an earlier transaction; the sign
 *                                is still that of this booking (a returned credit is negative)
 * @param accountServicerReference the bank's reference of the booking (camt: the entry's
 *                                AcctSvcrRef, shared by all transactions split from one batch;
 *                                else the transaction's own)
 * @param endToEndId              payer's end-to-end reference; null when absent or NOTPROVIDED
 * @param counterpartyName        the other party: payer on a credit, payee on a debit; for a
 *                                reversal the party of the original payment
 * @param counterpartyAccount     the other party's account (IBAN or other)
 * @param remittanceUnstructured  Ustrd lines joined with a space
 * @param creditorReference       structured creditor reference (RF ..., QRR, ISR) if any
 * @param referredDocuments       invoice numbers from structured remittance (RfrdDocInf/Nb);
 *                                empty, never null
 * @param bankTransactionCode     Domn/Fmly/SubFmly joined with '/', or the proprietary code
 */
public record BankTransaction(
        String transactionKey,
        String sourceFormat,
        String messageId,
        String accountId,
        BigDecimal amount,
        String currency,
        LocalDate bookingDate,
        LocalDate valueDate,
        Instant bookedAt,
        String status,
        boolean reversal,
        String accountServicerReference,
        String endToEndId,
        String counterpartyName,
        String counterpartyAccount,
        String remittanceUnstructured,
        String creditorReference,
        List<String> referredDocuments,
        String bankTransactionCode) {
}
