package org.salesops.jobs.generator;

import java.time.Instant;
import java.util.List;
import org.salesops.pipelines.bank.BankTransaction;

/**
 * One camt.054 credit notification document as the bank sends it: its GrpHdr/MsgId, its
 * GrpHdr/CreDtTm, and the credits it reports (each transaction's messageId is this document's).
 */
public record BankNotification(String messageId, Instant createdAt, List<BankTransaction> transactions) {
}
