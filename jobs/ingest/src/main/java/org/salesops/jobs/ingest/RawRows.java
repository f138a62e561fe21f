package org.salesops.jobs.ingest;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.salesops.pipelines.bank.BankTransaction;
import org.salesops.pipelines.calls.CallRecord;
import org.salesops.pipelines.common.KafkaRecord;
import org.salesops.pipelines.crm.CrmChange;

/** The raw-layer row of each input family (columns as in schemas/tables/raw/*.json). */
final class RawRows {

    private RawRows() {
    }

    static InputFamily.TableRow crm(CrmChange change, KafkaRecord record) {
        Map<String, Object> row = record.withLineage(new HashMap<>());
        Map<String, Object> entity = change.after() != null ? change.after() : change.before();
        if (entity != null) {
            row.putAll(entity);
        }
        row.put("_op", change.op());
        row.put("_committed_at", change.committedAt() != null ? change.committedAt() : Instant.ofEpochMilli(record.timestamp));
        row.put("_lsn", change.lsn());
        row.put("_tx_id", change.txId());
        return new InputFamily.TableRow("raw.crm_" + change.table(), row);
    }

    static InputFamily.TableRow call(CallRecord call, KafkaRecord record) {
        Map<String, Object> row = record.withLineage(new HashMap<>());
        row.put("call_id", call.callId());
        row.put("source", call.source());
        row.put("started_at", call.startedAt());
        row.put("answered_at", call.answeredAt());
        row.put("ended_at", call.endedAt());
        row.put("duration_seconds", call.durationSeconds());
        row.put("billable_seconds", call.billableSeconds());
        row.put("direction", call.direction());
        row.put("rep_extension", call.repExtension());
        row.put("rep_number", call.repNumber());
        row.put("remote_number_raw", call.remoteNumberRaw());
        row.put("remote_number", call.remoteNumber());
        row.put("disposition", call.disposition());
        row.put("connected", call.connected());
        return new InputFamily.TableRow("raw.calls", row);
    }

    static InputFamily.TableRow bank(BankTransaction tx, KafkaRecord record) {
        Map<String, Object> row = record.withLineage(new HashMap<>());
        row.put("transaction_key", tx.transactionKey());
        row.put("source_format", tx.sourceFormat());
        row.put("message_id", tx.messageId());
        row.put("account_id", tx.accountId());
        row.put("amount", tx.amount());
        row.put("currency", tx.currency());
        row.put("booking_date", tx.bookingDate());
        row.put("value_date", tx.valueDate());
        row.put("booked_at", tx.bookedAt());
        row.put("status", tx.status());
        row.put("reversal", tx.reversal());
        row.put("account_servicer_reference", tx.accountServicerReference());
        row.put("end_to_end_id", tx.endToEndId());
        row.put("counterparty_name", tx.counterpartyName());
        row.put("counterparty_account", tx.counterpartyAccount());
        row.put("remittance_unstructured", tx.remittanceUnstructured());
        row.put("creditor_reference", tx.creditorReference());
        row.put("referred_documents", tx.referredDocuments());
        row.put("bank_transaction_code", tx.bankTransactionCode());
        return new InputFamily.TableRow("raw.bank_transactions", row);
    }
}
