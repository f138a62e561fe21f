package org.salesops.pipelines.metrics.response;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.salesops.pipelines.alerts.Alert;
import org.salesops.pipelines.alerts.BusinessHours;

/**
 * Lead response time, keyed by lead. Inputs are the lead's assignments, its connected calls
 * (already matched to it by phone) and its logged follow-ups; the broadcast side says which
 * extension and number belong to which rep.
 *
 * <p>Every decision is taken on event-time timers, so the result does not depend on arrival order:
 * once the watermark passes a contact, the earliest qualifying contact of each assignment is
 * reported; once it passes the SLA deadline with none, a row without contact is reported (at the
 * deadline, not when the next event happens to come). A contact that arrives later but happened
 * earlier (a follow-up logged hours after the call) replaces the reported one (at the same instant a
 * call wins over a follow-up): the sink upserts by
 * (lead, assigned_at). A contact counts for an assignment when it is by the owner, at or after the
 * assignment and before the lead's next assignment.
 *
 * <p>The same timers raise the lead_not_contacted alert (side output {@link #ALERTS}) from what was
 * known when: at max(deadline, when the assignment became known), if no qualifying contact was known
 * by then, it opens (due at the deadline); at twice the SLA it escalates; it resolves when a contact
 * or the next assignment becomes known.
 *
 * <p>Deleting the lead stops its clock like a re-assignment does: an alert not yet open never opens,
 * an open one resolves when the deletion becomes known, and an assignment deleted before its deadline
 * without contact is not reported as missed (a lead removed as a duplicate or as junk is no rep's
 * failure; reps deleting leads to hide misses is a question for the audit trail, not this metric).
 */
public class LeadResponseFunction extends KeyedBroadcastProcessFunction<Long, LeadSignal, RepIdentity, LeadResponse> {

    public static final MapStateDescriptor<Long, RepIdentity> REPS =
            new MapStateDescriptor<>("reps", Long.class, RepIdentity.class);
    public static final OutputTag<Alert> ALERTS = new OutputTag<>("lead-alerts", org.apache.flink.api.common.typeinfo.TypeInformation.of(Alert.class));
    public static final String RULE = "lead_not_contacted";

    private final long slaMillis;
    private final long retentionMillis;
    private final BusinessHours businessHours;

    private transient MapState<Long, AssignmentProgress> assignments;
    private transient ListState<LeadSignal> contacts;

    public LeadResponseFunction(ResponseTimeRules rules) {
        this.slaMillis = rules.sla().toMillis();
        this.retentionMillis = rules.retention().toMillis();
        this.businessHours = rules.businessHours();
    }

    @Override
    public void open(OpenContext openContext) {
        assignments = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("assignments", Long.class, AssignmentProgress.class));
        contacts = getRuntimeContext().getListState(new ListStateDescriptor<>("contacts", LeadSignal.class));
    }

    @Override
    public void processElement(LeadSignal signal, ReadOnlyContext ctx, Collector<LeadResponse> out) throws Exception {
        // A call buffered until its lead's phone arrived carries the phone's element time, which may be
        // earlier than the call: the pairing is known when both are, and the call remembers its own time.
        long elementTime = ctx.timestamp() != null ? ctx.timestamp() : signal.at;
        long knownAt = Math.max(signal.knownAt, elementTime);
        ctx.timerService().registerEventTimeTimer(knownAt);
        if (signal.kind == LeadSignal.Kind.ASSIGNMENT) {
            AssignmentProgress known = assignments.get(signal.at);
            if (known == null || known.ownerId != signal.userId) {
                assignments.put(signal.at, new AssignmentProgress(signal.userId, knownAt));
            }
            long evaluateAt = Math.max(signal.at + slaMillis, knownAt);
            ctx.timerService().registerEventTimeTimer(signal.at);
            ctx.timerService().registerEventTimeTimer(evaluateAt);
            ctx.timerService().registerEventTimeTimer(Math.max(signal.at + 2 * slaMillis, evaluateAt));
            ctx.timerService().registerEventTimeTimer(signal.at + retentionMillis);
        } else {
            contacts.add(signal.knownAt(knownAt));
            ctx.timerService().registerEventTimeTimer(signal.at);
            ctx.timerService().registerEventTimeTimer(signal.at + retentionMillis);
        }
    }

    @Override
    public void processBroadcastElement(RepIdentity rep, Context ctx, Collector<LeadResponse> out) throws Exception {
        ctx.getBroadcastState(REPS).put(rep.userId, rep);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<LeadResponse> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        report(ctx.getCurrentKey(), watermark, ctx.getBroadcastState(REPS), out, ctx);
        forgetWhatNoLongerMatters(watermark);
    }

    private void report(long leadId, long watermark, ReadOnlyBroadcastState<Long, RepIdentity> reps,
                        Collector<LeadResponse> out, OnTimerContext ctx) throws Exception {
        List<Long> times = new ArrayList<>();
        assignments.keys().forEach(times::add);
        times.sort(Comparator.naturalOrder());
        List<LeadSignal> known = new ArrayList<>();
        contacts.get().forEach(known::add);

        for (int i = 0; i < times.size(); i++) {
            long assignedAt = times.get(i);
            if (assignedAt > watermark) {
                break;
            }
            long nextAssignment = i + 1 < times.size() ? times.get(i + 1) : Long.MAX_VALUE;
            LeadSignal deletion = deletionAfter(known, assignedAt);
            AssignmentProgress progress = assignments.get(assignedAt);
            RepIdentity owner = reps.get(progress.ownerId);
            LeadSignal first = null;
            // The end of the silence, by when it became known: a contact, or the next assignment.
            long silenceEndsAt = i + 1 < times.size() ? assignments.get(nextAssignment).knownAt : Long.MAX_VALUE;
            if (deletion != null && deletion.knownAt <= watermark) {
                silenceEndsAt = Math.min(silenceEndsAt, deletion.knownAt);
            }
            for (LeadSignal c : known) {
                boolean inWindow = c.at >= assignedAt && c.at < nextAssignment;
                if (!inWindow || !byOwner(c, progress.ownerId, owner)) {
                    continue;
                }
                if (c.at <= watermark && (first == null || earlier(c, first.at, first.kind))) {
                    first = c;
                }
                if (c.knownAt <= watermark) {
                    silenceEndsAt = Math.min(silenceEndsAt, c.knownAt);
                }
            }
            if (silenceEndsAt > watermark) {
                silenceEndsAt = Long.MAX_VALUE;
            }
            raiseOrResolve(leadId, assignedAt, progress, silenceEndsAt, watermark, ctx);
            long deadline = assignedAt + slaMillis;
            boolean improves = first != null && (progress.reportedContactAt == null
                    || earlier(first, progress.reportedContactAt, progress.reportedKind));
            boolean deletedInTime = deletion != null && deletion.at < deadline && deletion.at <= watermark;
            boolean silentTooLong = first == null && !progress.reported && !deletedInTime
                    && (watermark >= deadline || nextAssignment <= watermark);
            if (improves || silentTooLong) {
                out.collect(new LeadResponse(leadId, assignedAt, progress.ownerId, deadline,
                        first == null ? null : first.at, first == null ? null : contactKind(first))
                        .inBusinessHours(businessHours));
                progress.reported = true;
                progress.reportedContactAt = first == null ? null : first.at;
                progress.reportedKind = first == null ? null : first.kind;
                assignments.put(assignedAt, progress);
            }
        }
    }

    private void raiseOrResolve(long leadId, long assignedAt, AssignmentProgress progress, long silenceEndsAt,
                                long watermark, OnTimerContext ctx) throws Exception {
        long deadline = assignedAt + slaMillis;
        long evaluateAt = Math.max(deadline, progress.knownAt);
        long escalateAt = Math.max(assignedAt + 2 * slaMillis, evaluateAt);
        AssignmentProgress.AlertStage before = progress.alert;
        Alert alert = Alert.open(RULE, "lead", leadId, progress.ownerId, assignedAt, deadline,
                "线索超过" + slaMillis / 3_600_000 + "小时未联系 Lead not contacted within "
                        + slaMillis / 3_600_000 + " h: lead " + leadId);
        if (progress.alert == AssignmentProgress.AlertStage.UNDECIDED && watermark >= evaluateAt) {
            progress.alert = silenceEndsAt <= evaluateAt ? AssignmentProgress.AlertStage.NONE : AssignmentProgress.AlertStage.OPEN;
            if (progress.alert == AssignmentProgress.AlertStage.OPEN) {
                ctx.output(ALERTS, alert);
            }
        }
        if (progress.alert == AssignmentProgress.AlertStage.OPEN && watermark >= escalateAt && silenceEndsAt > escalateAt) {
            progress.alert = AssignmentProgress.AlertStage.ESCALATED;
            ctx.output(ALERTS, alert.escalated(escalateAt));
        }
        if ((progress.alert == AssignmentProgress.AlertStage.OPEN || progress.alert == AssignmentProgress.AlertStage.ESCALATED)
                && silenceEndsAt != Long.MAX_VALUE && silenceEndsAt <= watermark) {
            Alert last = progress.alert == AssignmentProgress.AlertStage.ESCALATED ? alert.escalated(escalateAt) : alert;
            progress.alert = AssignmentProgress.AlertStage.RESOLVED;
            ctx.output(ALERTS, last.resolved(silenceEndsAt));
        }
        if (progress.alert != before) {
            assignments.put(assignedAt, progress);
        }
    }

    /** The lead's first deletion at or after the assignment, or null. */
    private static LeadSignal deletionAfter(List<LeadSignal> known, long assignedAt) {
        LeadSignal first = null;
        for (LeadSignal s : known) {
            if (s.kind == LeadSignal.Kind.DELETION && s.at >= assignedAt && (first == null || s.at < first.at)) {
                first = s;
            }
        }
        return first;
    }

    /** Earlier in time; at the same instant a call comes before a follow-up (the follow-up usually logs that call). */
    private static boolean earlier(LeadSignal contact, long at, LeadSignal.Kind kind) {
        return contact.at < at || (contact.at == at && contact.kind == LeadSignal.Kind.CALL && kind != LeadSignal.Kind.CALL);
    }

    private static boolean byOwner(LeadSignal contact, long ownerId, RepIdentity owner) {
        return switch (contact.kind) {
            case FOLLOW_UP -> contact.userId != null && contact.userId == ownerId;
            case CALL -> owner != null && owner.madeCall(contact);
            case ASSIGNMENT, DELETION -> false;
        };
    }

    private static String contactKind(LeadSignal contact) {
        return contact.kind == LeadSignal.Kind.CALL ? "call" : "follow_up";
    }

    private void forgetWhatNoLongerMatters(long watermark) throws Exception {
        List<Long> expired = new ArrayList<>();
        for (Map.Entry<Long, AssignmentProgress> e : assignments.entries()) {
            if (e.getKey() + retentionMillis <= watermark) {
                expired.add(e.getKey());
            }
        }
        for (Long assignedAt : expired) {
            assignments.remove(assignedAt);
        }
        if (assignments.isEmpty()) {
            assignments.clear();
        }
        // A contact is only needed while an assignment before it may still arrive (within the retention).
        List<LeadSignal> kept = new ArrayList<>();
        for (LeadSignal c : contacts.get()) {
            if (c.at + retentionMillis > watermark) {
                kept.add(c);
            }
        }
        if (kept.isEmpty()) {
            contacts.clear();
        } else {
            contacts.update(kept);
        }
    }
}
