package org.salesops.pipelines.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Bank transactions in one instant's run: a credit is matched, flagged as a duplicate (the same booking
 * reported again under another key: never applied twice), or recorded as not a customer payment; a return
 * undoes the credit it gives back; a re-delivered transaction key changes nothing.
 */
final class BankTransactions {

    private final MatchingRun run;

    BankTransactions(MatchingRun run) {
        this.run = run;
    }

    void onPayment(Payment payment) {
        if (run.touched.containsKey(payment.key()) || run.credits.get(payment.key()) != null) {
            return; // the same transaction again: a re-delivery or a statement replayed
        }
        PaymentMatch m = PaymentMatch.of(payment);
        if (!Payment.BOOKED.equals(payment.status)) {
            classify(m, PaymentMatch.PENDING, MatchingRun.NO_RULE, 0, "银行尚未记账(" + payment.status + "),记账后再核销",
                    "not booked yet (" + payment.status + "): matched once booked");
            m.updatedAt = run.at;
            run.out.match(m.copy());
            return;
        }
        run.touched.put(m.key(), m);
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
        } else if (payment.bankPosting(run.settings.notCustomerPaymentFamilies())) {
            notACustomerPayment(m, "银行自身记账(利息、费用等)", "the bank's own posting (interest, charges)");
        } else {
            String first = run.credits.duplicateOf(payment);
            if (first != null) {
                m.duplicateOf = first;
                classify(m, PaymentMatch.DUPLICATE, "bank_reference", 1.0,
                        "与交易" + first + "为同一笔入账(银行流水号、金额、付款人相同),不重复核销",
                        "the same booking as " + first + " (same bank reference, amount and payer): not applied twice");
            } else {
                run.match(m);
            }
        }
        run.credits.add(m);
        if (payment.bankReference != null) {
            run.credits.release(payment.bankReference).stream()
                    .sorted(Comparator.comparingLong((DecisionChange d) -> d.id))
                    .forEach(run.decisions::onDecision);
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
        PaymentMatch original = run.credits.returnedBy(m.payment);
        if (original == null) {
            classify(m, PaymentMatch.REVERSAL, "reversal", 0, "退汇,但未找到对应的原收款,需人工处理",
                    "a return, but the credit it gives back is not known: needs a person");
            return;
        }
        PaymentMatch o = run.credit(original.key());
        List<InvoiceState> reopened = o.active().stream().map(a -> run.ledger.invoice(a.invoiceId)).toList();
        run.undoAll(o);
        run.credits.unpark(o);
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
}
