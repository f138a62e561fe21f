package org.salesops.pipelines.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** How an amount is spread over invoices, and how that is said. */
final class Plans {

    private Plans() {
    }

    /** Each invoice settled in full; the shortfall, if any, is the bank's fee, on the last one. */
    static List<Proposal.Planned> settle(List<InvoiceState> invoices, BigDecimal amount) {
        List<Proposal.Planned> plan = new ArrayList<>();
        BigDecimal fee = InvoiceSubsets.sum(invoices).subtract(amount).max(BigDecimal.ZERO);
        for (int i = 0; i < invoices.size(); i++) {
            InvoiceState invoice = invoices.get(i);
            plan.add(new Proposal.Planned(invoice, invoice.openBalance(), i == invoices.size() - 1 ? fee : BigDecimal.ZERO));
        }
        return plan;
    }

    /** The money to the invoices in order, each up to its open balance, until it runs out. */
    static List<Proposal.Planned> fifo(List<InvoiceState> invoices, BigDecimal amount) {
        List<Proposal.Planned> plan = new ArrayList<>();
        BigDecimal left = amount;
        for (InvoiceState invoice : invoices) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal part = left.min(invoice.openBalance());
            plan.add(new Proposal.Planned(invoice, part, BigDecimal.ZERO));
            left = left.subtract(part);
        }
        return plan;
    }

    /** Settled in full (with a fee within tolerance) when the amount allows, else in order. */
    static List<Proposal.Planned> spread(List<InvoiceState> invoices, BigDecimal amount, FeeTolerance fee) {
        AmountFit fit = fit(invoices, amount, fee);
        return fit == AmountFit.EXACT || fit == AmountFit.WITHIN_FEE ? settle(invoices, amount) : fifo(invoices, amount);
    }

    static AmountFit fit(List<InvoiceState> invoices, BigDecimal amount, FeeTolerance fee) {
        return fit(InvoiceSubsets.sum(invoices), amount, fee);
    }

    /** How an amount fits what is due. */
    static AmountFit fit(BigDecimal due, BigDecimal amount, FeeTolerance fee) {
        int c = amount.compareTo(due);
        if (c == 0) {
            return AmountFit.EXACT;
        }
        if (c > 0) {
            return AmountFit.OVERPAID;
        }
        return fee.covers(due, amount) ? AmountFit.WITHIN_FEE : AmountFit.PARTIAL;
    }

    /** The amount's fit to the invoices' open balance, in words. */
    static Explanation explain(AmountFit fit, List<InvoiceState> invoices, BigDecimal amount) {
        return explain(fit, invoices, InvoiceSubsets.sum(invoices), amount);
    }

    /** The amount's fit to what was due on the invoices, in words. */
    static Explanation explain(AmountFit fit, List<InvoiceState> invoices, BigDecimal due, BigDecimal amount) {
        Explanation e = new Explanation();
        switch (fit) {
            case EXACT -> e.add("金额与" + zh(invoices) + "的未结余额" + (invoices.size() > 1 ? "合计" : "") + "一致",
                    "the amount equals the open balance of " + en(invoices) + (invoices.size() > 1 ? " together" : ""));
            case WITHIN_FEE -> e.add("结清" + zh(invoices) + ",差额" + Money.text(due.subtract(amount))
                            + "在手续费容差内,作为银行手续费核销",
                    "settles " + en(invoices) + "; the shortfall of " + Money.text(due.subtract(amount))
                            + " is within the bank-fee tolerance and written off as the bank's fee");
            case PARTIAL -> e.add("部分付款:" + Money.text(amount) + "核销至" + zh(invoices) + ",仍余"
                            + Money.text(due.subtract(amount)) + "未结",
                    "partial payment: " + Money.text(amount) + " goes to " + en(invoices) + ", "
                            + Money.text(due.subtract(amount)) + " stays open");
            case OVERPAID -> e.add("金额比" + zh(invoices) + "的未结余额多" + Money.text(amount.subtract(due))
                            + ",多出部分未核销",
                    "the amount exceeds the open balance of " + en(invoices) + " by " + Money.text(amount.subtract(due))
                            + "; the excess is left unapplied");
        }
        return e;
    }

    static String zh(List<InvoiceState> invoices) {
        return invoices.stream().map(i -> i.crm.invoiceNo).collect(Collectors.joining("、"));
    }

    static String en(List<InvoiceState> invoices) {
        return invoices.stream().map(i -> i.crm.invoiceNo).collect(Collectors.joining(", "));
    }
}
