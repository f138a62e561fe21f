package org.salesops.pipelines.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Releases and claws back a contract's commission as money on it comes and goes, by the
 * {@link CommissionSchedule}. Each milestone's release is the commission times the schedule's
 * cumulative share up to it, minus the same up to the one before, both rounded to cents: the
 * releases add up to the rounded commission exactly.
 */
public final class CommissionLedger {

    private final CommissionSchedule schedule;

    public CommissionLedger(CommissionSchedule schedule) {
        this.schedule = schedule;
    }

    /**
     * The entries that bring the contract's releases in line with the money now applied to it; the
     * contract's release state is updated.
     *
     * @param paid    money applied to the contract's invoices now (bank fees written off included)
     * @param trigger what changed it: a bank transaction key, or a CRM change
     * @param at      event time of the change
     */
    public List<CommissionEntry> update(ContractState contract, BigDecimal paid, String trigger, long at) {
        ContractChange crm = contract.crm;
        List<CommissionEntry> entries = new ArrayList<>();
        if (crm.commissionRate == null || crm.commissionRate.signum() <= 0) {
            return entries;
        }
        BigDecimal commission = crm.amount.multiply(crm.commissionRate);
        BigDecimal sharesBefore = BigDecimal.ZERO;
        for (CommissionSchedule.Milestone milestone : schedule.milestones()) {
            BigDecimal sharesUpTo = sharesBefore.add(milestone.releaseShare());
            BigDecimal due = cents(commission.multiply(sharesUpTo)).subtract(cents(commission.multiply(sharesBefore)));
            sharesBefore = sharesUpTo;
            boolean reached = paid.signum() > 0 && paid.compareTo(crm.amount.multiply(milestone.paidShare())) >= 0;
            ContractState.Release release = contract.release(milestone.name());
            if (reached && release.amount == null) {
                release.amount = due;
                entries.add(entry(contract, release, CommissionEntry.RELEASE, due, commission, paid, trigger, at));
            } else if (!reached && release.amount != null) {
                entries.add(entry(contract, release, CommissionEntry.CLAWBACK, release.amount.negate(), commission, paid,
                        trigger, at));
                release.amount = null;
            }
        }
        return entries;
    }

    private static CommissionEntry entry(ContractState contract, ContractState.Release release, String kind,
                                         BigDecimal amount, BigDecimal commission, BigDecimal paid, String trigger, long at) {
        ContractChange crm = contract.crm;
        release.entries++;
        CommissionEntry e = new CommissionEntry();
        e.entryId = crm.id + ":" + release.milestone + ":" + release.entries;
        e.contractId = crm.id;
        e.contractNo = crm.contractNo;
        e.ownerId = crm.ownerId;
        e.customerId = crm.customerId;
        e.milestone = release.milestone;
        e.kind = kind;
        e.amount = amount;
        e.currency = crm.currency;
        e.commission = cents(commission);
        e.paidAmount = paid;
        e.contractAmount = crm.amount;
        e.trigger = trigger;
        e.at = at;
        return e;
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
