package org.salesops.pipelines.metrics.response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.salesops.pipelines.calls.CallRecord;
import org.salesops.pipelines.calls.PhoneNumbers;
import org.salesops.pipelines.crm.CrmChange;

/** Reads the response-time signals out of CRM changes and call records. Pure functions. */
public final class LeadSignals {

    private LeadSignals() {
    }

    /**
     * An assignment: a lead change whose owner is set and that creates the lead (c/r) or changes its
     * owner or its assigned_at.
     */
    public static Optional<LeadSignal> assignment(CrmChange change) {
        if (!"leads".equals(change.table()) || change.after() == null) {
            return Optional.empty();
        }
        Map<String, Object> after = change.after();
        Long owner = (Long) after.get("owner_id");
        Instant assignedAt = (Instant) after.get("assigned_at");
        if (owner == null || assignedAt == null) {
            return Optional.empty();
        }
        Map<String, Object> before = change.before();
        boolean isNew = change.op().equals("c") || change.op().equals("r") || before == null;
        boolean reassigned = isNew || !Objects.equals(before.get("owner_id"), owner)
                || !Objects.equals(before.get("assigned_at"), assignedAt);
        return reassigned
                ? Optional.of(LeadSignal.assignment((Long) after.get("id"), assignedAt.toEpochMilli(), owner))
                : Optional.empty();
    }

    /** A lead deleted from the CRM, at its commit time: its open response clock stops. */
    public static Optional<LeadSignal> deletion(CrmChange change) {
        if (!"leads".equals(change.table()) || !change.op().equals("d") || change.before() == null) {
            return Optional.empty();
        }
        Long leadId = (Long) change.before().get("id");
        return leadId == null ? Optional.empty()
                : Optional.of(LeadSignal.deletion(leadId, change.committedAt().toEpochMilli()));
    }

    /** Phone registrations a lead change implies: the new phone becomes the lead's, the old one stops being. */
    public static List<LeadPhone> phones(CrmChange change) {
        List<LeadPhone> phones = new ArrayList<>();
        if (!"leads".equals(change.table())) {
            return phones;
        }
        String before = change.before() == null ? null : PhoneNumbers.toE164((String) change.before().get("phone"));
        String after = change.after() == null ? null : PhoneNumbers.toE164((String) change.after().get("phone"));
        Long leadId = (Long) change.row().get("id");
        if (leadId == null) {
            return phones;
        }
        if (before != null && !before.equals(after)) {
            phones.add(new LeadPhone(before, leadId, false));
        }
        if (after != null && (!after.equals(before) || change.op().equals("c") || change.op().equals("r"))) {
            phones.add(new LeadPhone(after, leadId, true));
        }
        return phones;
    }

    /** A follow-up logged on a lead (a new activity, or one whose time, lead or owner was edited). */
    public static Optional<LeadSignal> followUp(CrmChange change) {
        if (!"activities".equals(change.table()) || change.after() == null) {
            return Optional.empty();
        }
        Map<String, Object> after = change.after();
        Long lead = (Long) after.get("lead_id");
        Long owner = (Long) after.get("owner_id");
        Instant occurredAt = (Instant) after.get("occurred_at");
        if (lead == null || owner == null || occurredAt == null) {
            return Optional.empty();
        }
        Map<String, Object> before = change.before();
        boolean changed = before == null || !Objects.equals(before.get("lead_id"), lead)
                || !Objects.equals(before.get("owner_id"), owner) || !Objects.equals(before.get("occurred_at"), occurredAt);
        return changed ? Optional.of(LeadSignal.followUp(lead, occurredAt.toEpochMilli(), owner)) : Optional.empty();
    }

    /** How a user appears in call records, from a users change. */
    public static Optional<RepIdentity> rep(CrmChange change) {
        if (!"users".equals(change.table()) || change.after() == null) {
            return Optional.empty();
        }
        Map<String, Object> after = change.after();
        return Optional.of(new RepIdentity((Long) after.get("id"), (String) after.get("extension"),
                PhoneNumbers.toE164((String) after.get("mobile"))));
    }

    /** A connected call with an external number; unanswered calls are not contact. */
    public static Optional<LeadSignal> call(CallRecord call) {
        if (!call.connected() || call.remoteNumber() == null) {
            return Optional.empty();
        }
        return Optional.of(LeadSignal.call(call.remoteNumber(), call.startedAt().toEpochMilli(),
                call.repExtension(), call.repNumber()).answered(true).knownAt(call.endedAt().toEpochMilli()));
    }
}
