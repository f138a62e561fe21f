package org.salesops.pipelines.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
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
 * The matching engine of one currency, on whatever stores it is given (Flink state in the job).
 * It applies the events of one instant at a time, in {@link MatchingEvent#APPLY_ORDER}:
 * <ul>
 * <li>CRM customers, contracts and invoices update the ledger and the payer directory; an invoice
 *     cancelled after it was paid gives its money back to the credits, which are matched again;</li>
 * <li>credits still waiting (unmatched or suggested) are tried again when a CRM fact they wait for
 *     arrives, oldest first — so credits booked before the CRM knew their invoices (a replay, the
 *     CRM snapshot after the bank's history) end as if the invoices had been there;</li>
 * <li>a finance decision confirms (applies, and remembers the payer for that customer) or rejects
 *     (discards, and never proposes that invoice for the credit again) one invoice for one credit;
 *     after any decision the engine only suggests for that credit;</li>
 * <li>a bank transaction is matched (credits), flagged as a duplicate (the same booking reported
 *     again under another key: never applied twice), undoes the credit it returns (a reversal), or
 *     is recorded as not a customer payment; a re-delivered transaction key changes nothing.</li>
 * </ul>
 * After each event its changed results are emitted: match rows, invoice balances, and the
 * commission entries of contracts whose money moved.
 */
public final class PaymentMatcher {

    private static final String NO_RULE = "none";
    private static final String FINANCE_DECISION = "finance_decision";

    private final MatchingSettings settings;
    private final Ledger ledger;
    private final PayerDirectory payers;
    private final CreditBook credits;
    private final MatchRules rules;
    private final CommissionLedger commission;

    public PaymentMatcher(Stores stores, MatchingSettings settings) {
        this.settings = settings;
        this.ledger = new Ledger(stores, settings.documents());
        this.payers = new PayerDirectory(stores);
        this.credits = new CreditBook(stores);
        this.rules = new MatchRules(ledger, payers, settings);
        this.commission = new CommissionLedger(settings.commission());
    }

    /** Applies the events of one instant {@code at} (event time), in apply order, whatever order they came in. */
    public void apply(List<MatchingEvent> events, long at, MatchingOutput out) {
        new Run(at, out).apply(events);
    }

    /** One instant's work, and what it changed, until it is emitted. */
    private final class Run {
        final long at;
        final MatchingOutput out;
        /** CRM facts that arrived: credits waiting for them get another try. */
        final Set<String> woken = new LinkedHashSet<>();
        final Map<String, PaymentMatch> touched = new LinkedHashMap<>();
        final Map<String, PaymentMatch> before = new HashMap<>();
        final Map<Long, InvoiceBalance> balancesBefore = new LinkedHashMap<>();
        final Map<Long, String> contractsMoved = new LinkedHashMap<>();
        /** The bank transaction being applied, if the event is one: what moved a contract's money. */
        String cause;

        Run(long at, MatchingOutput out) {
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
                    onCustomer(e.customer);
                } else if (e.contract != null) {
                    onContract(e.contract);
                } else if (e.invoice != null) {
                    onInvoice(e.invoice);
                } else if (e.decision != null) {
                    onDecision(e.decision);
                } else {
                    cause = e.payment.transactionKey;
                    onPayment(e.payment);
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

        // ---- CRM ---------------------------------------------------------------------------------

        void onCustomer(CustomerChange change) {
            if (payers.put(change) && !change.deleted) {
                change.accounts.forEach(a -> woken.add(CreditBook.accountKey(a)));
                change.nameKeys.forEach(k -> PayerNames.grams(k).forEach(g -> woken.add(CreditBook.gramKey(g))));
                woken.add(CreditBook.customerKey(change.id));
            }
        }

        void onContract(ContractChange change) {
            ContractState state = ledger.contract(change.id);
            if (state != null && !change.isAfter(state.crm)) {
                return;
            }
            ContractChange previous = state == null ? null : state.crm;
            if (state == null) {
                state = ContractState.of(change);
            } else {
                state.crm = change;
            }
            ledger.put(state, previous);
            contractsMoved.put(change.id, "crm:contracts:" + change.id);
            woken.add(CreditBook.documentKey(ledger.key(change.contractNo)));
            woken.add(CreditBook.customerKey(change.customerId));
        }

        void onInvoice(InvoiceChange change) {
            InvoiceState state = ledger.invoice(change.id);
            if (state != null && !change.isAfter(state.crm)) {
                return;
            }
            InvoiceState invoice = state == null ? new InvoiceState() : state;
            touchInvoice(change.id, state);
            ledger.change(invoice, s -> s.crm = change);
            if (!change.payable()) {
                for (String key : List.copyOf(invoice.paidBy)) {
                    giveBack(credit(key), invoice);
                }
                return;
            }
            woken.add(CreditBook.documentKey(ledger.key(change.invoiceNo)));
            woken.add(CreditBook.customerKey(change.customerId));
            ContractState contract = ledger.contract(change.contractId);
            if (contract != null) {
                woken.add(CreditBook.documentKey(ledger.key(contract.crm.contractNo)));
            }
        }

        /** The invoice can no longer be paid: the credit's money on it comes back, and the credit is matched anew. */
        private void giveBack(PaymentMatch m, InvoiceState invoice) {
            m.note("发票" + invoice.crm.invoiceNo + "已作废,原核销已撤销",
                    invoice.crm.invoiceNo + " was cancelled: the money applied to it was taken back");
            if (PaymentMatch.CONFIRMED.equals(m.status)) {
                undo(m, m.allocationOf(invoice.crm.id));
                m.confirmedInvoices.remove(invoice.crm.id);
                confirmed(m);
                return;
            }
            undoAll(m);
            match(m);
        }

        // ---- finance decisions ----------------------------------------------------------------------

        void onDecision(DecisionChange decision) {
            Collection<String> keys = credits.withReference(decision.bankReference);
            if (keys.isEmpty()) {
                // Decisions go to every currency; only the one that knows the invoice waits for the credit.
                if (ledger.invoice(decision.invoiceId) != null) {
                    credits.hold(decision);
                }
                return;
            }
            decide(pick(keys, decision.invoiceId), decision);
        }

        /** Of the credits sharing a bank reference (a split batch), the one the decision is about. */
        private PaymentMatch pick(Collection<String> keys, long invoiceId) {
            List<PaymentMatch> candidates = keys.stream().map(this::credit).toList();
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
            InvoiceState invoice = ledger.invoice(decision.invoiceId);
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
                payers.learn(m.payment, invoice.crm.customerId);
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
                undoAll(m);
                match(m);
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
            undoAll(m);
            List<InvoiceState> targets = new ArrayList<>();
            List<PaymentMatch> displaced = new ArrayList<>();
            for (long id : m.confirmedInvoices) {
                InvoiceState invoice = ledger.invoice(id);
                if (invoice == null || !invoice.crm.payable()) {
                    continue;
                }
                for (String key : List.copyOf(invoice.paidBy)) {
                    PaymentMatch other = credit(key);
                    Allocation a = other.allocationOf(id);
                    if (a != null && Allocation.APPLIED.equals(a.status)) {
                        undoAll(other);
                        displaced.add(other);
                    }
                }
                InvoiceState now = ledger.invoice(id);
                if (now.open()) {
                    targets.add(now);
                }
            }
            applyPlan(m, Plans.spread(targets, m.payment.amount, settings.fee()), Allocation.CONFIRMED);
            confirmed(m);
            for (PaymentMatch o : displaced) {
                o.note("原自动核销让位于财务确认的" + m.payment.transactionKey,
                        "its automatic match gave way to " + m.payment.transactionKey + ", confirmed by finance");
                match(o);
            }
        }

        /** The credit as finance decided it: what is applied now, and why. */
        private void confirmed(PaymentMatch m) {
            List<InvoiceState> invoices = m.active().stream().map(a -> ledger.invoice(a.invoiceId)).toList();
            BigDecimal due = invoices.stream().map(i -> i.crm.amount.subtract(i.applied)).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .add(m.appliedAmount());
            AmountFit fit = invoices.isEmpty() ? null : Plans.fit(due, m.payment.amount, settings.fee());
            m.status = PaymentMatch.CONFIRMED;
            m.rule = FINANCE_DECISION;
            m.amountFit = fit == null ? null : fit.column();
            m.confidence = 1.0;
            m.customerId = invoices.isEmpty() ? null : invoices.get(0).crm.customerId;
            m.proposed = new ArrayList<>();
            m.explanation = m.notes().addAll(fit == null
                    ? new Explanation().add("所确认的发票已无未结余额,未核销", "nothing is open on the invoices confirmed: nothing applied")
                    : Plans.explain(fit, invoices, due, m.payment.amount)).text();
            credits.unpark(m);
        }

        // ---- bank transactions -------------------------------------------------------------------

        void onPayment(Payment payment) {
            if (touched.containsKey(payment.key()) || credits.get(payment.key()) != null) {
                return; // the same transaction again: a re-delivery or a statement replayed
            }
            PaymentMatch m = PaymentMatch.of(payment);
            if (!Payment.BOOKED.equals(payment.status)) {
                classify(m, PaymentMatch.PENDING, NO_RULE, 0, "银行尚未记账(" + payment.status + "),记账后再核销",
                        "not booked yet (" + payment.status + "): matched once booked");
                m.updatedAt = at;
                out.match(m.copy());
                return;
            }
            touched.put(m.key(), m);
            if (payment.amount.signum() == 0) {
                notACustomerPayment(m, "金额为0,没有可核销的款项", "an amount of 0: no money to apply");
            } else if (!payment.credit()) {
                if (payment.reversal) {
                    reverse(m);
                } else {
                    notACustomerPayment(m, "付出款项(借记)", "money paid out (a debit)");
                }
            } else if (payment.reversal) {
                notACustomerPayment(m, "我方付款被退回", "a payment of ours coming back");
            } else if (payment.bankPosting(settings.notCustomerPaymentFamilies())) {
                notACustomerPayment(m, "银行自身记账(利息、费用等)", "the bank's own posting (interest, charges)");
            } else {
                String first = credits.duplicateOf(payment);
                if (first != null) {
                    m.duplicateOf = first;
                    classify(m, PaymentMatch.DUPLICATE, "bank_reference", 1.0,
                            "与交易" + first + "为同一笔入账(银行流水号、金额、付款人相同),不重复核销",
                            "the same booking as " + first + " (same bank reference, amount and payer): not applied twice");
                } else {
                    match(m);
                }
            }
            credits.add(m);
            if (payment.bankReference != null) {
                credits.release(payment.bankReference).stream()
                        .sorted(Comparator.comparingLong((DecisionChange d) -> d.id))
                        .forEach(this::onDecision);
            }
        }

        private void notACustomerPayment(PaymentMatch m, String zh, String en) {
            classify(m, PaymentMatch.NOT_A_CUSTOMER_PAYMENT, "transaction_type", 1.0, zh + ",不是客户回款",
                    en + ", not a customer's payment");
        }

        /** A result that is no match: the reason becomes part of the transaction's history. */
        private void classify(PaymentMatch m, String status, String rule, double confidence, String zh, String en) {
            m.status = status;
            m.rule = rule;
            m.confidence = confidence;
            m.proposed = new ArrayList<>();
            m.note(zh, en);
            m.explanation = m.notes().text();
        }

        /** A return: the credit it gives back is found, its match undone, its invoices open again. */
        private void reverse(PaymentMatch m) {
            PaymentMatch original = credits.returnedBy(m.payment);
            if (original == null) {
                classify(m, PaymentMatch.REVERSAL, "reversal", 0, "退汇,但未找到对应的原收款,需人工处理",
                        "a return, but the credit it gives back is not known: needs a person");
                return;
            }
            PaymentMatch o = credit(original.key());
            List<InvoiceState> reopened = o.active().stream().map(a -> ledger.invoice(a.invoiceId)).toList();
            undoAll(o);
            credits.unpark(o);
            o.reversedBy = m.payment.transactionKey;
            classify(o, PaymentMatch.REVERSED, o.rule, o.confidence, "已被退汇(" + m.payment.transactionKey + "),核销已撤销",
                    "returned by " + m.payment.transactionKey + ": its match is undone");
            m.reversalOf = o.payment.transactionKey;
            m.customerId = o.customerId;
            classify(m, PaymentMatch.REVERSAL, "reversal", 1.0, "退回交易" + o.payment.transactionKey
                            + (reopened.isEmpty() ? "" : ",发票" + Plans.zh(reopened) + "重新打开"),
                    "returns " + o.payment.transactionKey + (reopened.isEmpty() ? "" : "; " + Plans.en(reopened)
                            + " open again"));
        }

        // ---- matching ----------------------------------------------------------------------------

        /** Runs the rules for a credit with nothing applied, and applies or parks what they say. */
        private void match(PaymentMatch m) {
            Set<Long> rejected = new HashSet<>(m.rejectedInvoices);
            Proposal p = rules.propose(m.payment, rejected, m.decided());
            m.status = p.status();
            m.rule = p.evidence() == null ? NO_RULE : p.evidence().column();
            m.amountFit = p.fit() == null ? null : p.fit().column();
            m.confidence = p.confidence();
            m.customerId = p.customerId();
            m.explanation = m.notes().addAll(p.explanation()).text();
            m.proposed = new ArrayList<>();
            if (p.applies()) {
                credits.unpark(m);
                applyPlan(m, p.plan(), Allocation.APPLIED);
            } else {
                p.plan().forEach(planned -> m.proposed.add(Allocation.of(planned.invoice().crm, planned.amount(),
                        planned.fee(), Allocation.SUGGESTED)));
                credits.park(m, p.wakeKeys());
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
                    match(next);
                }
            }
        }

        private boolean waiting(PaymentMatch m) {
            return (PaymentMatch.UNMATCHED.equals(m.status) || PaymentMatch.SUGGESTED.equals(m.status)) && m.active().isEmpty();
        }

        // ---- money on invoices -------------------------------------------------------------------

        private void applyPlan(PaymentMatch m, List<Proposal.Planned> plan, String status) {
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

        private void undoAll(PaymentMatch m) {
            m.active().forEach(a -> undo(m, a));
        }

        private void undo(PaymentMatch m, Allocation a) {
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
        private PaymentMatch credit(String key) {
            PaymentMatch m = touched.get(key);
            if (m == null) {
                m = credits.get(key);
                before.put(key, m.copy());
                touched.put(key, m);
            }
            return m;
        }

        /** Notes the invoice's balance before this run first changes it; null for an invoice new to the ledger. */
        private void touchInvoice(long id, InvoiceState invoice) {
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
}
