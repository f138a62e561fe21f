package org.salesops.pipelines.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Finance decisions in one instant's run: a decision confirms (applies, and remembers the payer for that
 * customer) or rejects (discards, and never proposes that invoice for the credit again) one invoice for one
 * credit; after any decision the engine only suggests for that credit. A decision that comes before its credit
 * waits for it.
 */
final class FinanceDecisions {

    private static final String FINANCE_DECISION = "finance_decision";

    private final MatchingRun run;

    FinanceDecisions(MatchingRun run) {
        this.run = run;
    }

    void onDecision(DecisionChange decision) {
        Collection<String> keys = run.credits.withReference(decision.bankReference);
        if (keys.isEmpty()) {
            // Decisions go to every currency; only the one that knows the invoice waits for the credit.
            if (run.ledger.invoice(decision.invoiceId) != null) {
                run.credits.hold(decision);
            }
            return;
        }
        decide(pick(keys, decision.invoiceId), decision);
    }

    /** Of the credits sharing a bank reference (a split batch), the one the decision is about. */
    private PaymentMatch pick(Collection<String> keys, long invoiceId) {
        List<PaymentMatch> candidates = keys.stream().map(run::credit).toList();
        return candidates.stream()
                .filter(m -> m.allocationOf(invoiceId) != null || m.proposed.stream().anyMatch(a -> a.invoiceId == invoiceId))
                .findFirst()
                .orElse(candidates.stream().filter(m -> m.active().isEmpty()).findFirst().orElse(candidates.get(0)));
    }

    private void decide(PaymentMatch m, DecisionChange decision) {
        String tag = decision.id + ":" + decision.decision;
        if (m.decisions.contains(tag)) {
            return;
        }
        m.decisions.add(tag);
        m.decidedBy = decision.decidedBy;
        m.decidedAt = decision.decidedAt;
        InvoiceState invoice = run.ledger.invoice(decision.invoiceId);
        String who = "财务(用户" + decision.decidedBy + ")";
        String whoEn = "finance (user " + decision.decidedBy + ")";
        boolean confirm = DecisionChange.CONFIRM.equals(decision.decision);
        if (invoice == null || !m.customerMoney()) {
            String what = invoice == null ? "发票" + decision.invoiceId + "未知" : "该交易状态为" + m.status;
            String whatEn = invoice == null ? "invoice " + decision.invoiceId + " is unknown" : "the transaction is " + m.status;
            m.note(who + (confirm ? "确认" : "否定") + "的核销未执行:" + what,
                    whoEn + " " + (confirm ? "confirmed" : "rejected") + " a match that was not carried out: " + whatEn);
            m.explanation = m.notes().text();
            return;
        }
        long invoiceId = invoice.crm.id;
        if (confirm) {
            m.rejectedInvoices.remove(invoiceId);
            if (!m.confirmedInvoices.contains(invoiceId)) {
                m.confirmedInvoices.add(invoiceId);
            }
            run.payers.learn(m.payment, invoice.crm.customerId);
            m.note(who + "确认" + invoice.crm.invoiceNo, "confirmed by " + whoEn + ": " + invoice.crm.invoiceNo);
            Allocation applied = m.allocationOf(invoiceId);
            if (applied != null && applied.active()) {
                // Confirms what the engine did: the rest of the match stands.
                applied.status = Allocation.CONFIRMED;
                confirmed(m);
            } else {
                settleConfirmed(m);
            }
            return;
        }
        m.confirmedInvoices.remove(invoiceId);
        if (!m.rejectedInvoices.contains(invoiceId)) {
            m.rejectedInvoices.add(invoiceId);
        }
        m.note(who + "否定了" + invoice.crm.invoiceNo, whoEn + " rejected " + invoice.crm.invoiceNo);
        if (m.confirmedInvoices.isEmpty()) {
            run.undoAll(m);
            run.match(m);
        } else {
            settleConfirmed(m);
        }
    }

    /**
     * Applies the credit to the invoices finance confirmed, in the order confirmed: in full when
     * the amount settles them (a bank fee within tolerance written off), else in order. Money
     * the engine had applied to them from other credits gives way, and those are matched anew.
     */
    private void settleConfirmed(PaymentMatch m) {
        run.undoAll(m);
        List<InvoiceState> targets = new ArrayList<>();
        List<PaymentMatch> displaced = new ArrayList<>();
        for (long id : m.confirmedInvoices) {
            InvoiceState invoice = run.ledger.invoice(id);
            if (invoice == null || !invoice.crm.payable()) {
                continue;
            }
            for (String key : List.copyOf(invoice.paidBy)) {
                PaymentMatch other = run.credit(key);
                Allocation a = other.allocationOf(id);
                if (a != null && Allocation.APPLIED.equals(a.status)) {
                    run.undoAll(other);
                    displaced.add(other);
                }
            }
            InvoiceState now = run.ledger.invoice(id);
            if (now.open()) {
                targets.add(now);
            }
        }
        run.applyPlan(m, Plans.spread(targets, m.payment.amount, run.settings.fee()), Allocation.CONFIRMED);
        confirmed(m);
        for (PaymentMatch o : displaced) {
            o.note("原自动核销让位于财务确认的" + m.payment.transactionKey,
                    "its automatic match gave way to " + m.payment.transactionKey + ", confirmed by finance");
            run.match(o);
        }
    }

    /** The credit as finance decided it: what is applied now, and why. */
    void confirmed(PaymentMatch m) {
        List<InvoiceState> invoices = m.active().stream().map(a -> run.ledger.invoice(a.invoiceId)).toList();
        BigDecimal due = invoices.stream().map(i -> i.crm.amount.subtract(i.applied)).reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(m.appliedAmount());
        AmountFit fit = invoices.isEmpty() ? null : Plans.fit(due, m.payment.amount, run.settings.fee());
        m.status = PaymentMatch.CONFIRMED;
        m.rule = FINANCE_DECISION;
        m.amountFit = fit == null ? null : fit.column();
        m.confidence = 1.0;
        m.customerId = invoices.isEmpty() ? null : invoices.get(0).crm.customerId;
        m.proposed = new ArrayList<>();
        m.explanation = m.notes().addAll(fit == null
                ? new Explanation().add("所确认的发票已无未结余额,未核销", "nothing is open on the invoices confirmed: nothing applied")
                : Plans.explain(fit, invoices, due, m.payment.amount)).text();
        run.credits.unpark(m);
    }
}
