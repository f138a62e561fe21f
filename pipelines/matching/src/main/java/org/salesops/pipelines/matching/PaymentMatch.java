package org.salesops.pipelines.matching;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the engine made of one bank transaction: one row of gold.payment_matches, and through
 * {@link #allocationRows()} its rows of gold.payment_allocations. Kept in state per transaction as
 * well, with what finance decided on it and what would make it worth another try; every change is
 * emitted as a copy.
 */
public class PaymentMatch {
    public static final String AUTO_MATCHED = "auto_matched";
    public static final String SUGGESTED = "suggested";
    public static final String CONFIRMED = "confirmed";
    public static final String UNMATCHED = "unmatched";
    public static final String DUPLICATE = "duplicate";
    public static final String REVERSED = "reversed";
    public static final String REVERSAL = "reversal";
    public static final String PENDING = "pending";
    public static final String NOT_A_CUSTOMER_PAYMENT = "not_a_customer_payment";

    public Payment payment;
    public String status;
    /** How the customer and invoices were found (see {@link Evidence}), or why there is nothing to match. */
    public String rule;
    /** exact, within_fee, partial or overpaid; null without invoices. */
    public String amountFit;
    public double confidence;
    /** Chinese, then " / ", then English. */
    public String explanation;
    public Long customerId;
    /** Money applied (and undone), one per invoice. */
    public List<Allocation> allocations = new ArrayList<>();
    /** What a suggestion proposes; nothing of it is applied. */
    public List<Allocation> proposed = new ArrayList<>();
    public String duplicateOf;
    public String reversalOf;
    public String reversedBy;
    public Long decidedBy;
    public Long decidedAt;
    public long updatedAt;

    /** Invoices finance confirmed for this credit, in the order confirmed. */
    public List<Long> confirmedInvoices = new ArrayList<>();
    /** Invoices finance rejected for it: never proposed again. */
    public List<Long> rejectedInvoices = new ArrayList<>();
    /** What happened to the credit that every later result must still say (Chinese, English alike). */
    public List<String> notesZh = new ArrayList<>();
    public List<String> notesEn = new ArrayList<>();
    /** Decisions applied (id:decision), so a re-delivered one is not applied twice. */
    public List<String> decisions = new ArrayList<>();
    /** While it waits for a better match: the CRM facts that would give one (see {@link CreditBook}). */
    public List<String> wakeKeys = new ArrayList<>();

    public PaymentMatch() {
    }

    static PaymentMatch of(Payment payment) {
        PaymentMatch m = new PaymentMatch();
        m.payment = payment;
        return m;
    }

    public String key() {
        return payment.key();
    }

    /** A customer's money, matched or to be: not a duplicate, a return, or a posting of another kind. */
    boolean customerMoney() {
        return switch (status) {
            case AUTO_MATCHED, SUGGESTED, UNMATCHED, CONFIRMED -> true;
            default -> false;
        };
    }

    /** Finance has looked at it: from now on the engine only suggests. */
    boolean decided() {
        return !decisions.isEmpty();
    }

    void note(String zh, String en) {
        notesZh.add(zh);
        notesEn.add(en);
    }

    Explanation notes() {
        Explanation e = new Explanation();
        for (int i = 0; i < notesZh.size(); i++) {
            e.add(notesZh.get(i), notesEn.get(i));
        }
        return e;
    }

    List<Allocation> active() {
        return allocations.stream().filter(Allocation::active).toList();
    }

    Allocation allocationOf(long invoiceId) {
        for (Allocation a : allocations) {
            if (a.invoiceId == invoiceId) {
                return a;
            }
        }
        return null;
    }

    BigDecimal appliedAmount() {
        return active().stream().map(a -> a.amount).reduce(Money.ZERO, BigDecimal::add);
    }

    BigDecimal feeAmount() {
        return active().stream().map(a -> a.fee).reduce(Money.ZERO, BigDecimal::add);
    }

    /** The money of a credit not on any invoice. */
    BigDecimal unappliedAmount() {
        return payment.amount.subtract(appliedAmount().subtract(feeAmount()));
    }

    /** The same result as {@code other}: what the tables show, apart from when it was computed. */
    boolean sameResult(PaymentMatch other) {
        return other != null && Objects.equals(status, other.status) && Objects.equals(rule, other.rule)
                && Objects.equals(amountFit, other.amountFit) && confidence == other.confidence
                && Objects.equals(explanation, other.explanation) && Objects.equals(customerId, other.customerId)
                && allocations.equals(other.allocations) && proposed.equals(other.proposed)
                && Objects.equals(duplicateOf, other.duplicateOf) && Objects.equals(reversalOf, other.reversalOf)
                && Objects.equals(reversedBy, other.reversedBy) && Objects.equals(decidedBy, other.decidedBy)
                && Objects.equals(decidedAt, other.decidedAt);
    }

    /** The same result, and the same for running the rules again: decisions, notes, and what it waits for. */
    boolean sameForMatching(PaymentMatch other) {
        return sameResult(other) && rejectedInvoices.equals(other.rejectedInvoices)
                && confirmedInvoices.equals(other.confirmedInvoices) && decisions.equals(other.decisions)
                && notesZh.equals(other.notesZh) && notesEn.equals(other.notesEn) && wakeKeys.equals(other.wakeKeys);
    }

    PaymentMatch copy() {
        PaymentMatch m = new PaymentMatch();
        m.payment = payment;
        m.status = status;
        m.rule = rule;
        m.amountFit = amountFit;
        m.confidence = confidence;
        m.explanation = explanation;
        m.customerId = customerId;
        m.allocations = new ArrayList<>(allocations.stream().map(Allocation::copy).toList());
        m.proposed = new ArrayList<>(proposed.stream().map(Allocation::copy).toList());
        m.duplicateOf = duplicateOf;
        m.reversalOf = reversalOf;
        m.reversedBy = reversedBy;
        m.decidedBy = decidedBy;
        m.decidedAt = decidedAt;
        m.updatedAt = updatedAt;
        m.confirmedInvoices = new ArrayList<>(confirmedInvoices);
        m.rejectedInvoices = new ArrayList<>(rejectedInvoices);
        m.notesZh = new ArrayList<>(notesZh);
        m.notesEn = new ArrayList<>(notesEn);
        m.decisions = new ArrayList<>(decisions);
        m.wakeKeys = new ArrayList<>(wakeKeys);
        return m;
    }

    public Map<String, Object> toRow() {
        boolean money = customerMoney();
        Map<String, Object> row = new HashMap<>();
        row.put("account_id", payment.accountId);
        row.put("transaction_key", payment.transactionKey);
        row.put("bank_reference", payment.bankReference);
        row.put("end_to_end_id", payment.endToEndId);
        row.put("booked_at", Instant.ofEpochMilli(payment.bookedAt));
        row.put("amount", payment.amount);
        row.put("currency", payment.currency);
        row.put("payer_name", payment.payerName);
        row.put("payer_account", payment.payerAccount);
        row.put("remittance", payment.remittance);
        row.put("status", status);
        row.put("rule", rule);
        row.put("amount_fit", amountFit);
        row.put("confidence", confidence);
        row.put("explanation", explanation);
        row.put("customer_id", customerId);
        row.put("invoice_ids", active().stream().map(a -> a.invoiceId).toList());
        row.put("invoice_nos", active().stream().map(a -> a.invoiceNo).toList());
        row.put("applied_amount", money ? appliedAmount() : null);
        row.put("fee_amount", money ? feeAmount() : null);
        row.put("unapplied_amount", money ? unappliedAmount() : null);
        row.put("suggested_invoice_ids", proposed.stream().map(a -> a.invoiceId).toList());
        row.put("suggested_invoice_nos", proposed.stream().map(a -> a.invoiceNo).toList());
        row.put("duplicate_of", duplicateOf);
        row.put("reversal_of", reversalOf);
        row.put("reversed_by", reversedBy);
        row.put("decided_by", decidedBy);
        row.put("decided_at", Rows.instant(decidedAt));
        row.put("updated_at", Instant.ofEpochMilli(updatedAt));
        return row;
    }

    /** Its rows of gold.payment_allocations: one per invoice it was ever applied to; an undone one with amount 0. */
    public List<PaymentAllocation> allocationRows() {
        return allocations.stream().map(a -> PaymentAllocation.of(this, a)).toList();
    }

    @Override
    public String toString() {
        return "Match(" + payment.transactionKey + " " + Money.text(payment.amount) + " " + status + " " + rule
                + (amountFit == null ? "" : "/" + amountFit) + " " + confidence + " " + allocations
                + (proposed.isEmpty() ? "" : " proposed " + proposed) + ": " + explanation + ")";
    }
}
