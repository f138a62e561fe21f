package org.salesops.pipelines.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One instant's work of the {@link PaymentMatcher}, and what it changed until it is emitted: the events in
 * apply order (CRM facts in {@link CrmFacts}, decisions in {@link FinanceDecisions}, bank transactions in
 * {@link BankTransactions}), the credits they wake tried again, money put on and taken off invoices, and the
 * changed match rows, invoice balances and commission entries after each event.
 */
final class MatchingRun {

    static final String NO_RULE = "none";

    final MatchingSettings settings;
    final Ledger ledger;
    final PayerDirectory payers;
    final CreditBook credits;
    final LastAttempts lastAttempts;
    private final WatchedStores stores;
    private final MatchRules rules;
    private final CommissionLedger commission;
    final long at;
    final MatchingOutput out;
    final FinanceDecisions decisions = new FinanceDecisions(this);
    private final CrmFacts crm = new CrmFacts(this);
    private final BankTransactions bank = new BankTransactions(this);
    /** CRM facts that arrived: credits waiting for them get another try. */
    final Set<String> woken = new LinkedHashSet<>();
    final Map<String, PaymentMatch> touched = new LinkedHashMap<>();
    private final Map<String, PaymentMatch> before = new HashMap<>();
    private final Map<Long, InvoiceBalance> balancesBefore = new LinkedHashMap<>();
    final Map<Long, String> contractsMoved = new LinkedHashMap<>();
    /** The bank transaction being applied, if the event is one: what moved a contract's money. */
    String cause;

    MatchingRun(PaymentMatcher engine, long at, MatchingOutput out) {
        this.settings = engine.settings;
        this.ledger = engine.ledger;
        this.payers = engine.payers;
        this.credits = engine.credits;
        this.lastAttempts = engine.lastAttempts;
        this.stores = engine.stores;
        this.rules = engine.rules;
        this.commission = engine.commission;
        this.at = at;
        this.out = out;
    }

    void apply(List<MatchingEvent> events) {
        List<MatchingEvent> ordered = new ArrayList<>(events);
        ordered.sort(MatchingEvent.APPLY_ORDER);
        boolean referenceDataDone = false;
        for (MatchingEvent e : ordered) {
            if (!referenceDataDone && e.rank() >= MatchingEvent.DECISION_RANK) {
                retryWaiting();
                referenceDataDone = true;
            }
            if (e.customer != null) {
                crm.onCustomer(e.customer);
            } else if (e.contract != null) {
                crm.onContract(e.contract);
            } else if (e.invoice != null) {
                crm.onInvoice(e.invoice);
            } else if (e.decision != null) {
                decisions.onDecision(e.decision);
            } else {
                cause = e.payment.transactionKey;
                bank.onPayment(e.payment);
            }
            if (referenceDataDone) {
                retryWaiting();
            }
            emit();
        }
        if (!referenceDataDone) {
            retryWaiting();
            emit();
        }
    }


    /** Runs the rules for a credit with nothing applied, and applies or parks what they say. */
    void match(PaymentMatch m) {
        Set<Long> rejected = new HashSet<>(m.rejectedInvoices);
        WatchedStores.Noted<Proposal> attempt = stores.noting(() -> rules.propose(m.payment, rejected, m.decided()));
        Proposal p = attempt.value();
        m.status = p.status();
        m.rule = p.evidence() == null ? NO_RULE : p.evidence().column();
        m.amountFit = p.fit() == null ? null : p.fit().column();
        m.confidence = p.confidence();
        m.customerId = p.customerId();
        m.explanation = m.notes().addAll(p.explanation()).text();
        m.proposed = new ArrayList<>();
        if (p.applies()) {
            lastAttempts.forget(m);
            credits.unpark(m);
            applyPlan(m, p.plan(), Allocation.APPLIED);
        } else {
            p.plan().forEach(planned -> m.proposed.add(Allocation.of(planned.invoice().crm, planned.amount(),
                    planned.fee(), Allocation.SUGGESTED)));
            credits.park(m, p.wakeKeys());
            lastAttempts.remember(m, attempt);
        }
    }

    /** Credits waiting for what arrived, oldest booking first, until nothing new wakes. */
    void retryWaiting() {
        Comparator<PaymentMatch> byBooking = Comparator.comparingLong((PaymentMatch m) -> m.payment.bookedAt)
                .thenComparing(PaymentMatch::key);
        TreeSet<PaymentMatch> queue = new TreeSet<>(byBooking);
        while (!woken.isEmpty() || !queue.isEmpty()) {
            for (String wake : List.copyOf(woken)) {
                credits.waitingFor(wake).forEach(key -> queue.add(credit(key)));
            }
            woken.clear();
            PaymentMatch next = queue.pollFirst();
            if (next != null && waiting(next)) {
                retry(next);
            }
        }
    }

    /** Runs the rules for a waiting credit again, unless they would say what they said last time. */
    private void retry(PaymentMatch m) {
        if (lastAttempts.stillHolds(m)) {
            credits.park(m, List.copyOf(m.wakeKeys)); // as running them again would: the same keys, parked anew
        } else {
            match(m);
        }
    }

    private boolean waiting(PaymentMatch m) {
        return (PaymentMatch.UNMATCHED.equals(m.status) || PaymentMatch.SUGGESTED.equals(m.status)) && m.active().isEmpty();
    }

    // ---- money on invoices ---------------------------------------------------------------------

    void applyPlan(PaymentMatch m, List<Proposal.Planned> plan, String status) {
        for (Proposal.Planned planned : plan) {
            InvoiceState invoice = planned.invoice();
            touchInvoice(invoice.crm.id, invoice);
            ledger.change(invoice, s -> {
                s.applied = s.applied.add(planned.amount());
                s.fees = s.fees.add(planned.fee());
                s.paidBy.add(m.key());
                s.lastPaymentAt = s.lastPaymentAt == null ? m.payment.bookedAt : Math.max(s.lastPaymentAt, m.payment.bookedAt);
            });
            Allocation a = m.allocationOf(invoice.crm.id);
            if (a == null) {
                m.allocations.add(Allocation.of(invoice.crm, planned.amount(), planned.fee(), status));
            } else {
                a.amount = planned.amount();
                a.fee = planned.fee();
                a.status = status;
            }
            contractsMoved.put(invoice.crm.contractId, cause != null ? cause : m.payment.transactionKey);
            // Less open now: a credit waiting on two equally good invoices may have one left.
            woken.add(CreditBook.customerKey(invoice.crm.customerId));
        }
    }

    void undoAll(PaymentMatch m) {
        m.active().forEach(a -> undo(m, a));
    }

    void undo(PaymentMatch m, Allocation a) {
        if (a == null || !a.active()) {
            return;
        }
        InvoiceState invoice = ledger.invoice(a.invoiceId);
        touchInvoice(invoice.crm.id, invoice);
        ledger.change(invoice, s -> {
            s.applied = s.applied.subtract(a.amount);
            s.fees = s.fees.subtract(a.fee);
            s.paidBy.remove(m.key());
        });
        a.amount = BigDecimal.ZERO;
        a.fee = BigDecimal.ZERO;
        a.status = Allocation.UNDONE;
        contractsMoved.put(invoice.crm.contractId, cause != null ? cause : m.payment.transactionKey);
        woken.add(CreditBook.customerKey(invoice.crm.customerId));
    }

    // ---- what changed, and emitting it ---------------------------------------------------------

    /** The credit as this run sees it; noted as changed, its result before kept to compare. */
    PaymentMatch credit(String key) {
        PaymentMatch m = touched.get(key);
        if (m == null) {
            m = credits.get(key);
            before.put(key, m.copy());
            touched.put(key, m);
        }
        return m;
    }

    /** Notes the invoice's balance before this run first changes it; null for an invoice new to the ledger. */
    void touchInvoice(long id, InvoiceState invoice) {
        if (!balancesBefore.containsKey(id)) {
            balancesBefore.put(id, invoice == null ? null : InvoiceBalance.of(invoice, at));
        }
    }

    void emit() {
        for (PaymentMatch m : touched.values()) {
            credits.put(m);
            if (!m.sameResult(before.get(m.key()))) {
                m.updatedAt = at;
                out.match(m.copy());
            }
        }
        for (InvoiceState invoice : touchedInvoices()) {
            InvoiceBalance now = InvoiceBalance.of(invoice, at);
            if (!now.sameAs(balancesBefore.get(invoice.crm.id))) {
                out.balance(now);
            }
        }
        for (Map.Entry<Long, String> moved : contractsMoved.entrySet()) {
            ContractState contract = ledger.contract(moved.getKey());
            if (contract != null) {
                List<CommissionEntry> entries = commission.update(contract, ledger.paidOn(contract.crm.id),
                        moved.getValue(), at);
                if (!entries.isEmpty()) {
                    ledger.put(contract, null);
                    entries.forEach(out::commission);
                }
            }
        }
        cause = null;
        touched.clear();
        before.clear();
        balancesBefore.clear();
        contractsMoved.clear();
    }

    private List<InvoiceState> touchedInvoices() {
        return balancesBefore.keySet().stream().map(ledger::invoice).toList();
    }
}
