package org.salesops.pipelines.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which of a customer's open invoices one payment settles (Stripe's rule: up to five invoices,
 * the fewest, then the oldest). An exact sum beats one explained by a bank fee. A second subset of
 * the same size that pays for different amounts is a rival: the payment could mean either, and the
 * caller must not choose. Subsets that differ only in which of several equal invoices they take
 * are no rivals: the oldest is settled first, as is customary.
 */
final class InvoiceSubsets {

    /** Subsets visited per size before giving up: bounds the work for a customer with many open invoices. */
    private static final int BUDGET = 200_000;

    /**
     * @param invoices the subset, oldest first
     * @param fit      EXACT or WITHIN_FEE
     * @param rival    a different subset as good, or null
     * @param complete false when the search gave up before it could rule a rival out
     */
    record Subset(List<InvoiceState> invoices, AmountFit fit, List<InvoiceState> rival, boolean complete) {

        boolean unique() {
            return rival == null && complete;
        }
    }

    private final FeeTolerance fee;
    private final int maxSize;

    InvoiceSubsets(FeeTolerance fee, int maxSize) {
        this.fee = fee;
        this.maxSize = maxSize;
    }

    /** @param invoices candidates, oldest first */
    Optional<Subset> settling(List<InvoiceState> invoices, BigDecimal amount) {
        Optional<Subset> exact = search(invoices, amount, AmountFit.EXACT);
        return exact.isPresent() ? exact : search(invoices, amount, AmountFit.WITHIN_FEE);
    }

    static BigDecimal sum(List<InvoiceState> invoices) {
        return invoices.stream().map(InvoiceState::openBalance).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private Optional<Subset> search(List<InvoiceState> invoices, BigDecimal amount, AmountFit fit) {
        BigDecimal ceiling = fit == AmountFit.EXACT ? amount : amount.add(fee.ceiling(amount));
        for (int size = 1; size <= Math.min(maxSize, invoices.size()); size++) {
            Search s = new Search(invoices, amount, ceiling, fit, size);
            s.visit(0, new ArrayList<>(), BigDecimal.ZERO);
            if (s.best != null) {
                return Optional.of(new Subset(s.best, fit, s.rival, s.visited <= BUDGET));
            }
            if (s.visited > BUDGET) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Depth-first over index combinations in order, so the first subset found is the oldest. */
    private final class Search {
        final List<InvoiceState> invoices;
        final BigDecimal amount;
        final BigDecimal ceiling;
        final AmountFit fit;
        final int size;
        List<InvoiceState> best;
        List<InvoiceState> rival;
        int visited;

        Search(List<InvoiceState> invoices, BigDecimal amount, BigDecimal ceiling, AmountFit fit, int size) {
            this.invoices = invoices;
            this.amount = amount;
            this.ceiling = ceiling;
            this.fit = fit;
            this.size = size;
        }

        /** False once there is nothing more to learn: a rival found, or the budget spent. */
        boolean visit(int from, List<InvoiceState> chosen, BigDecimal total) {
            if (++visited > BUDGET) {
                return false;
            }
            if (chosen.size() == size) {
                if (settles(total)) {
                    if (best == null) {
                        best = List.copyOf(chosen);
                    } else if (!sameAmounts(best, chosen)) {
                        rival = List.copyOf(chosen);
                        return false;
                    }
                }
                return true;
            }
            for (int i = from; i <= invoices.size() - (size - chosen.size()); i++) {
                BigDecimal next = total.add(invoices.get(i).openBalance());
                if (next.compareTo(ceiling) > 0) {
                    continue;
                }
                chosen.add(invoices.get(i));
                boolean goOn = visit(i + 1, chosen, next);
                chosen.remove(chosen.size() - 1);
                if (!goOn) {
                    return false;
                }
            }
            return true;
        }

        private boolean settles(BigDecimal total) {
            return fit == AmountFit.EXACT ? total.compareTo(amount) == 0 : fee.covers(total, amount);
        }
    }

    private static boolean sameAmounts(List<InvoiceState> a, List<InvoiceState> b) {
        List<BigDecimal> x = a.stream().map(InvoiceState::openBalance).sorted().toList();
        List<BigDecimal> y = b.stream().map(InvoiceState::openBalance).sorted().toList();
        for (int i = 0; i < x.size(); i++) {
            if (x.get(i).compareTo(y.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }
}
