package org.salesops.jobs.generator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the pipeline must find in the generated company, taken from the simulation's own record
 * of what happened (not by re-running pipeline logic over the output).
 *
 * <p><b>Lead response time</b> (the contract shared with the pipeline): an <i>assignment</i> is a
 * change of {@code leads} whose {@code after.owner_id} is not null and which is a create or
 * snapshot read ({@code c}, {@code r}) or changes {@code owner_id} or {@code assigned_at}; its time
 * is {@code after.assigned_at}. Its <i>first contact</i> is the earliest of
 * (a) a connected call whose remote number (E.164) equals the lead's phone (E.164) and whose rep
 * side is the owner (extension = the owner's {@code users.extension}, or rep number = E.164 of the
 * owner's {@code users.mobile}), started at or after the assignment time, and
 * (b) an activity with that {@code lead_id} and {@code owner_id} = the owner whose
 * {@code occurred_at} is at or after the assignment time,
 * both before the lead's next assignment. When a call and an activity fall on the same instant
 * the call is named the contact. {@code response_minutes} = whole minutes (floor) from assignment
 * to first contact; {@code sla_met} = first contact within 24 hours. An assignment with no such
 * contact in the data has no first contact and {@code sla_met} false.
 *
 * @param leadAssignments    one entry per assignment visible in the data, in assignment order
 * @param leadsPerChannel    leads in the data (created live or present in the snapshot) per channel
 * @param rowsPerRawTable    typed rows each raw table must end up with: {@code crm_<table>} counts
 *                           every change including tombstones, {@code calls} every call,
 *                           {@code bank_transactions} every credit notified
 * @param deadLetters        records that must land in the dead-letter table (the malformed payloads)
 * @param callFollowUps      every follow-up of type call, with the call behind it (null when there
 *                           was none) and how long after the call it was logged
 * @param backDatedLeads     leads entered with a created_at days before they were entered
 * @param bulkStatusFlips    one user setting many leads to one status within minutes
 * @param paymentAllocations which invoices each bank credit really paid, and how much of each
 * @param lastEventAt        the time of the data's last event (latest CRM commit or call end): the
 *                           alert clock stops here, so later deadlines and escalations never come
 * @param alerts             the alerts the pipeline must raise, by dueAt then alertId (see {@link ExpectedAlert})
 * @param dailyReports       each rep's daily report per working day and the reports nobody owed, by day then
 *                           rep (see {@link DailyReportDay})
 */
public record GroundTruth(
        long seed,
        LocalDate startDate,
        int days,
        Instant snapshotAt,
        Instant end,
        List<LeadAssignment> leadAssignments,
        Map<String, Long> leadsPerChannel,
        Map<String, Long> rowsPerRawTable,
        long deadLetters,
        List<CallFollowUp> callFollowUps,
        List<BackDatedLead> backDatedLeads,
        List<BulkStatusFlip> bulkStatusFlips,
        List<PaymentAllocation> paymentAllocations,
        Instant lastEventAt,
        List<ExpectedAlert> alerts,
        List<DailyReportDay> dailyReports) {

    public static final Duration SLA = Duration.ofHours(24);

    /**
     * One lead assignment and its first contact ({@code firstContactAt} null when there was none);
     * business minutes count office time only (09:00-18:00 Shanghai on China's working days).
     */
    public record LeadAssignment(long leadId, String channel, long ownerId, Instant assignedAt,
                                 Instant slaDeadline, Instant firstContactAt, String contactKind,
                                 Long responseMinutes, Long businessMinutes, boolean slaMet) {
    }

    /** A follow-up of type call and the real call behind it; call fields null when no call took place. */
    public record CallFollowUp(long activityId, Long leadId, Long opportunityId, long ownerId, Instant occurredAt, Instant loggedAt,
                               String callId, Instant callStartedAt, Long logGapMinutes) {
    }

    public record BackDatedLead(long leadId, Instant createdAt, Instant enteredAt) {
    }

    public record BulkStatusFlip(long userId, String toStatus, Instant from, Instant to, List<Long> leadIds) {
    }

    public record PaymentAllocation(String bankReference, long invoiceId, String invoiceNo, BigDecimal amount) {
    }

    /**
     * An alert the pipeline must raise, in event time. An <i>episode</i> of silence on a subject has
     * a start S, a deadline D and an escalation time X; it is evaluated at E = max(D, the time the
     * change that started it became known: a CRM change at its commit, the snapshot's rows at the
     * snapshot's commit). The alert opens (dueAt = D) when no ending action was known at or before
     * E; it escalates at max(X, E) unless an ending action was known by then; it resolves when the
     * first ending action becomes known (a call at its end, a CRM change at its commit). A new
     * episode on the same subject ends the previous one. Nothing happens after {@link #lastEventAt()}:
     * an alert due later is not raised, an escalation due later does not happen, and what is open
     * stays open. Rules, with subject type and owner:
     * <ul>
     * <li>{@code lead_not_contacted} (lead, the assignee): one episode per entry of {@link #leadAssignments()},
     *     S = assignedAt, D = S + 24 h, X = S + 48 h; ended by the first contact as defined there
     *     (but by its known time), the lead's next assignment, or its deletion.</li>
     * <li>{@code commitment_overdue} (commitment, owner_id): while open; first S = created_at, D = due_at,
     *     X = due_at + 48 h; a change of due_at starts a new episode from its updated_at; ended by
     *     fulfilled, cancelled or delete.</li>
     * <li>{@code quote_feedback_missing} (quote, owner_id): status sent, sent_at set, no feedback_type;
     *     S = sent_at, D = S + 24 h, X = S + 48 h; ended by feedback, accepted/rejected, delete.</li>
     * <li>{@code stage_dwell} (opportunity, owner_id): a change of an opportunity not won or lost starts
     *     an episode at its updated_at, a follow-up (activity created or read) on it one at the
     *     follow-up's created_at, only when later than the current episode's start; D = S + 48 h,
     *     X = S + 96 h; ended by a new episode, won/lost, delete.</li>
     * <li>{@code daily_report_missing} (rep, the rep; see {@link DailyReportDay}): one episode per owed working day
 *     whose deadline D passed with no report known, S = the day's 00:00 Asia/Shanghai; never escalates;
 *     ended by the first report of that rep and day known after D.</li>
 * <li>{@code collab_task_dwell} (collab_task, assignee_id; tasks without assignee are skipped):
     *     open or in progress, S = updated_at, D = S + SLA, X = S + 2 SLA, SLA = sla_workdays
     *     working days on China's 2026 calendar (24-hour days; a start on a day off counts from the
     *     next working day's midnight) or 48 h; ended by done, cancelled, delete or a new updated_at.</li>
     * </ul>
     *
     * @param alertId     rule:subjectType:subjectId:epoch milliseconds of S
     * @param escalatedAt null when it never escalated within the data
     * @param resolvedAt  null when no ending action came within the data
     */
    public record ExpectedAlert(String alertId, String rule, String subjectType, long subjectId, long ownerId,
                                Instant dueAt, Instant escalatedAt, Instant resolvedAt) {
    }

    /**
     * A rep's daily report for one day (the contract shared with the pipeline). The deadline of day d is
     * d 20:00 Asia/Shanghai. A person is a rep at an instant when their last {@code users} change committed
     * by then has role rep and active true. A rep <i>owes</i> working day d (China's 2026 calendar) when a
     * rep at its deadline; only deadlines up to the last event are decided. The reports of a rep and day at
     * an instant are the {@code daily_reports} rows whose last change committed by then has that rep_id and
     * report_date; a report is known from the commit that created it. An owed day is on_time when it has
     * reports at the deadline (a report committed at the deadline is in time), late when they come only
     * later (decided at the first one's commit), missing otherwise. What it says is taken at the decision:
     * breakthroughs ticked over its reports (purchase_time_confirmed, budget_confirmed, tech_owner_involved,
     * each once, in that order), whether any carries an evidence sentence, and the first known report's
     * id; submissions are the reports present at the end; editedAfterDeadline says a report of that rep
     * and day changed what it says (or appeared, or went) after the decision. A report nobody owed is
     * not_due, one row per rep and day with what its reports say at the end: not_a_rep when the person
     * was not a rep when the day's first report came, non_working_day for a rep's report of a day off.
     * Reports of days whose deadline passed before the person became a rep (the history in the snapshot),
     * or that came 35 days or more after their deadline, are not judged.
     *
     * @param counted       true for owed days (on_time, late, missing), false for not_due
     * @param notDueReason  not_a_rep or non_working_day for not_due, else null
     * @param reportId      the first known report of the day, or null when missing
     * @param breakthroughs ';'-separated, or null when none
     */
    public record DailyReportDay(long repId, LocalDate reportDate, String status, boolean counted, String notDueReason,
                                 Long reportId, int submissions, String breakthroughs, boolean evidencePresent,
                                 boolean editedAfterDeadline) {
    }

    /**
     * An alert as it stands when the data ends, for comparing with a pipeline's alert table: null when
     * it falls due after the last event (a bounded replay's final watermark fires such deadlines; the
     * data never reached them), and an escalation after the last event has not happened yet.
     */
    public String alertAsOfLastEvent(String alertId, long ownerId, Instant dueAt, Instant escalatedAt, Instant resolvedAt) {
        if (dueAt.isAfter(lastEventAt)) {
            return null;
        }
        Instant escalated = escalatedAt != null && !escalatedAt.isAfter(lastEventAt) ? escalatedAt : null;
        return alertId + "|owner " + ownerId + "|due " + dueAt + "|escalated " + escalated + "|resolved " + resolvedAt;
    }

    /** {@link #alerts()} in the form of {@link #alertAsOfLastEvent}. */
    public java.util.Set<String> expectedAlertsAsOfLastEvent() {
        java.util.Set<String> expected = new java.util.HashSet<>();
        for (ExpectedAlert a : alerts) {
            expected.add(alertAsOfLastEvent(a.alertId(), a.ownerId(), a.dueAt(), a.escalatedAt(), a.resolvedAt()));
        }
        return expected;
    }

    public String toJson() {
        try {
            return mapper().writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeJson(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            mapper().writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }
}
