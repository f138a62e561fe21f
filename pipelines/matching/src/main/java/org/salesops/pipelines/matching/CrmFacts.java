package org.salesops.pipelines.matching;

import java.util.List;

/**
 * CRM customers, contracts and invoices in one instant's run: they update the payer directory and the ledger,
 * and wake the credits waiting for them; an invoice cancelled after it was paid gives its money back to the
 * credits, which are matched again.
 */
final class CrmFacts {

    private final MatchingRun run;

    CrmFacts(MatchingRun run) {
        this.run = run;
    }

    void onCustomer(CustomerChange change) {
        if (run.payers.put(change) && !change.deleted) {
            change.accounts.forEach(a -> run.woken.add(CreditBook.accountKey(a)));
            for (String key : change.nameKeys) {
                for (String gram : run.payers.gramsOf(key)) {
                    String wake = CreditBook.gramKey(gram);
                    run.woken.add(wake);
                    run.lastAttempts.customerNamed(change, run.credits.waitingFor(wake));
                }
            }
            run.woken.add(CreditBook.customerKey(change.id));
        }
    }

    void onContract(ContractChange change) {
        ContractState state = run.ledger.contract(change.id);
        if (state != null && !change.isAfter(state.crm)) {
            return;
        }
        ContractChange previous = state == null ? null : state.crm;
        if (state == null) {
            state = ContractState.of(change);
        } else {
            state.crm = change;
        }
        run.ledger.put(state, previous);
        run.contractsMoved.put(change.id, "crm:contracts:" + change.id);
        run.woken.add(CreditBook.documentKey(run.ledger.key(change.contractNo)));
        run.woken.add(CreditBook.customerKey(change.customerId));
    }

    void onInvoice(InvoiceChange change) {
        InvoiceState state = run.ledger.invoice(change.id);
        if (state != null && !change.isAfter(state.crm)) {
            return;
        }
        InvoiceState invoice = state == null ? new InvoiceState() : state;
        run.touchInvoice(change.id, state);
        run.ledger.change(invoice, s -> s.crm = change);
        if (!change.payable()) {
            for (String key : List.copyOf(invoice.paidBy)) {
                giveBack(run.credit(key), invoice);
            }
            return;
        }
        run.woken.add(CreditBook.documentKey(run.ledger.key(change.invoiceNo)));
        run.woken.add(CreditBook.customerKey(change.customerId));
        ContractState contract = run.ledger.contract(change.contractId);
        if (contract != null) {
            run.woken.add(CreditBook.documentKey(run.ledger.key(contract.crm.contractNo)));
        }
    }

    /** The invoice can no longer be paid: the credit's money on it comes back, and the credit is matched anew. */
    private void giveBack(PaymentMatch m, InvoiceState invoice) {
        m.note("发票" + invoice.crm.invoiceNo + "已作废,原核销已撤销",
                invoice.crm.invoiceNo + " was cancelled: the money applied to it was taken back");
        if (PaymentMatch.CONFIRMED.equals(m.status)) {
            run.undo(m, m.allocationOf(invoice.crm.id));
            m.confirmedInvoices.remove(invoice.crm.id);
            run.decisions.confirmed(m);
            return;
        }
        run.undoAll(m);
        run.match(m);
    }
}
