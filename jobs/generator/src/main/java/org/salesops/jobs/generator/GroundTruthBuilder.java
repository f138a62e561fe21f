package org.salesops.jobs.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.salesops.pipelines.bank.BankTransaction;
import org.salesops.pipelines.crm.CrmChange;

/**
 * Turns the simulation's records into the {@link GroundTruth}. What the data shows is decided by
 * the snapshot: before it only each row's last state is visible (so only a lead's last assignment
 * before the snapshot, and no lead deleted before it); after it, everything.
 */
final class GroundTruthBuilder {

    private final World world;

    GroundTruthBuilder(World world) {
        this.world = world;
    }

    GroundTruth build(List<CrmChange> crmChanges, List<GeneratedCall> calls, List<BankNotification> notifications,
                      List<MalformedPayload> malformed, List<GroundTruth.CallFollowUp> callFollowUps,
                      List<GroundTruth.BackDatedLead> backDated, List<GroundTruth.BulkStatusFlip> flips,
                      List<GroundTruth.PaymentAllocation> allocations) {
        List<GroundTruth.LeadAssignment> assignments = new ArrayList<>();
        List<AlertEpisode> episodes = new ArrayList<>();
        LeadNotContacted notContacted = new LeadNotContacted(world.crm);
        Map<String, Long> perChannel = new TreeMap<>();
        for (ContactLedger.LeadFacts lead : world.ledger.leads()) {
            boolean goneBeforeSnapshot = lead.deletedAt != null && lead.deletedAt.isBefore(world.snapshotAt);
            if (goneBeforeSnapshot) {
                continue;
            }
            perChannel.merge(lead.channel, 1L, Long::sum);
            List<ContactLedger.Assignment> visible = visibleAssignments(lead);
            for (int i = 0; i < visible.size(); i++) {
                ContactLedger.Assignment next = i + 1 < visible.size() ? visible.get(i + 1) : null;
                assignments.add(responded(lead, visible.get(i), next == null ? null : next.assignedAt()));
                episodes.add(notContacted.episode(lead, visible.get(i), next));
            }
        }
        Map<String, Long> rows = new TreeMap<>();
        for (CrmChange change : crmChanges) {
            rows.merge("crm_" + change.table(), 1L, Long::sum);
        }
        rows.put("calls", (long) calls.size());
        Set<String> notified = notifications.stream()
                .flatMap(n -> n.transactions().stream()).map(BankTransaction::accountServicerReference)
                .collect(Collectors.toSet());
        rows.put("bank_transactions", (long) notified.size());
        List<GroundTruth.PaymentAllocation> paid = allocations.stream()
                .filter(a -> notified.contains(a.bankReference())).toList();
        assignments.sort(Comparator.comparing(GroundTruth.LeadAssignment::assignedAt)
                .thenComparingLong(GroundTruth.LeadAssignment::leadId));
        Instant lastEventAt = lastEventAt(crmChanges, calls);
        DailyReportTruth dailyReports = new DailyReportTruth(crmChanges, lastEventAt);
        episodes.addAll(dailyReports.episodes());
        return new GroundTruth(world.profile.seed(), world.profile.startDate(), world.profile.days(), world.snapshotAt,
                world.end, List.copyOf(assignments), perChannel, rows, malformed.size(),
                List.copyOf(callFollowUps), List.copyOf(backDated), List.copyOf(flips), paid, lastEventAt,
                alerts(episodes, crmChanges, lastEventAt), dailyReports.days());
    }

    private static List<GroundTruth.ExpectedAlert> alerts(List<AlertEpisode> leadEpisodes, List<CrmChange> crmChanges,
                                                          Instant lastEventAt) {
        List<CrmAlertRule> rules = List.of(new CommitmentOverdue(), new QuoteFeedbackMissing(), new StageDwell(),
                new CollabTaskDwell(), new ReceivableStepDwell());
        for (CrmChange change : crmChanges) {
            rules.forEach(rule -> rule.see(change));
        }
        List<AlertEpisode> episodes = new ArrayList<>(leadEpisodes);
        rules.forEach(rule -> episodes.addAll(rule.episodes()));
        return episodes.stream().flatMap(e -> e.alert(lastEventAt).stream())
                .sorted(Comparator.comparing(GroundTruth.ExpectedAlert::dueAt)
                        .thenComparing(GroundTruth.ExpectedAlert::alertId))
                .toList();
    }

    private static Instant lastEventAt(List<CrmChange> crmChanges, List<GeneratedCall> calls) {
        Instant last = Instant.EPOCH;
        for (CrmChange change : crmChanges) {
            last = change.committedAt().isAfter(last) ? change.committedAt() : last;
        }
        for (GeneratedCall call : calls) {
            last = call.record().endedAt().isAfter(last) ? call.record().endedAt() : last;
        }
        return last;
    }

    private List<ContactLedger.Assignment> visibleAssignments(ContactLedger.LeadFacts lead) {
        List<ContactLedger.Assignment> visible = new ArrayList<>();
        ContactLedger.Assignment lastBefore = null;
        for (ContactLedger.Assignment assignment : lead.assignments) {
            if (assignment.recordedAt().isBefore(world.snapshotAt)) {
                lastBefore = assignment;
            } else {
                visible.add(assignment);
            }
        }
        if (lastBefore != null) {
            visible.add(0, lastBefore);
        }
        return visible;
    }

    private GroundTruth.LeadAssignment responded(ContactLedger.LeadFacts lead, ContactLedger.Assignment assignment, Instant until) {
        Instant assignedAt = assignment.assignedAt().truncatedTo(ChronoUnit.MILLIS);
        ContactLedger.Contact first = lead.contactsBy(assignment.ownerId(), assignedAt, until).stream()
                .min(Comparator.comparing(ContactLedger.Contact::at)
                        .thenComparing(c -> c.kind().equals("call") ? 0 : 1))
                .orElse(null);
        Instant deadline = assignedAt.plus(GroundTruth.SLA);
        if (first == null) {
            return new GroundTruth.LeadAssignment(lead.leadId, lead.channel, assignment.ownerId(), assignedAt, deadline,
                    null, null, null, null, false);
        }
        long minutes = Duration.between(assignedAt, first.at()).toMinutes();
        return new GroundTruth.LeadAssignment(lead.leadId, lead.channel, assignment.ownerId(), assignedAt, deadline,
                first.at(), first.kind(), minutes, ChinaWorkdays.officeMinutes(assignedAt, first.at()),
                !first.at().isAfter(deadline));
    }
}
