package org.salesops.jobs.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.salesops.pipelines.crm.CrmChange;

/**
 * receivable_step_dwell (the seed's 静默预警 on 回款路径): a contract's path runs 合同归档 -> 发票寄出 ->
 * 客户签收 -> 财务入账; the first step not yet completed waits, silent from the last action on the path
 * (the signing, or any change of one of its step rows), and alerts the contract's owner after 48 hours,
 * escalating at 96. Completing it starts the wait for the next step; a completed, terminated or
 * deleted contract waits for nothing. One episode subject per step row.
 */
final class ReceivableStepDwell implements CrmAlertRule {

    static final String RULE = "receivable_step_dwell";
    private static final List<String> PATH = List.of("contract_archived", "invoice_sent", "customer_signed",
            "finance_booked");
    private static final Duration DUE = Duration.ofHours(48);
    private static final Duration ESCALATION = Duration.ofHours(96);

    private record Step(long id, boolean done, Instant touchedAt) {
    }

    private static final class Contract {
        long owner;
        Instant signedAt;
        boolean over;
        final Map<String, Step> steps = new HashMap<>();
        Long awaitedStepId;
        Instant awaitedSince;
    }

    private final AlertEpisodes episodes = new AlertEpisodes();
    private final Map<Long, Contract> contracts = new HashMap<>();

    @Override
    public void see(CrmChange change) {
        if (change.op().equals("tombstone")) {
            return;
        }
        Map<String, Object> row = change.row();
        Contract contract;
        if (change.table().equals("contracts")) {
            contract = contracts.computeIfAbsent((Long) row.get("id"), id -> new Contract());
            contract.owner = (Long) row.get("owner_id");
            contract.signedAt = (Instant) row.get("signed_at");
            String status = (String) row.get("status");
            contract.over = change.op().equals("d") || status.equals("completed") || status.equals("terminated");
        } else if (change.table().equals("receivable_steps")) {
            contract = contracts.computeIfAbsent((Long) row.get("contract_id"), id -> new Contract());
            contract.steps.put((String) row.get("step"), new Step((Long) row.get("id"),
                    row.get("completed_at") != null, (Instant) row.get("updated_at")));
        } else {
            return;
        }
        follow(contract, change.committedAt());
    }

    /** Which step now waits and since when; a different step or a later start is a new episode. */
    private void follow(Contract contract, Instant knownAt) {
        Step waiting = null;
        if (!contract.over && contract.signedAt != null && contract.steps.keySet().containsAll(PATH)) {
            waiting = PATH.stream().map(contract.steps::get).filter(s -> !s.done()).findFirst().orElse(null);
        }
        Instant since = contract.signedAt;
        for (Step step : contract.steps.values()) {
            since = since == null || step.touchedAt().isAfter(since) ? step.touchedAt() : since;
        }
        if (contract.awaitedStepId != null && (waiting == null || waiting.id() != contract.awaitedStepId)) {
            episodes.end(contract.awaitedStepId, knownAt);
            contract.awaitedStepId = null;
        }
        if (waiting != null && (contract.awaitedStepId == null || since.isAfter(contract.awaitedSince))) {
            episodes.start(new AlertEpisode(RULE, "receivable_step", waiting.id(), contract.owner, since,
                    since.plus(DUE), since.plus(ESCALATION), knownAt));
            contract.awaitedStepId = waiting.id();
            contract.awaitedSince = since;
        }
    }

    @Override
    public List<AlertEpisode> episodes() {
        return episodes.all();
    }
}
