package org.salesops.pipelines.matching;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * When a contract's commission (contracts.amount x commission_rate) is released: at each milestone
 * of money received on the contract, a share of it. Read from schemas/config/commission.json.
 *
 * @param milestones in the order they are reached; their release shares add up to at most 1
 */
public record CommissionSchedule(List<Milestone> milestones) implements Serializable {

    /**
     * @param name         e.g. first_payment, paid_in_full
     * @param paidShare    reached when the money applied to the contract's invoices is more than
     *                     zero and at least this share of the contract amount (0: the first payment)
     * @param releaseShare the share of the commission this milestone releases
     */
    public record Milestone(String name, BigDecimal paidShare, BigDecimal releaseShare) implements Serializable {
    }

    public CommissionSchedule {
        milestones = List.copyOf(milestones);
        BigDecimal total = milestones.stream().map(Milestone::releaseShare).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("commission milestones release more than the whole commission: " + total);
        }
    }
}
