package org.salesops.pipelines.metrics.response;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.salesops.pipelines.alerts.BusinessHours;

/** One row of gold.lead_response (schemas/tables/gold/lead_response.json), as emitted over time. */
public class LeadResponse {
    public long leadId;
    public long assignedAt;
    public long ownerId;
    public long slaDeadline;
    /** Null while the lead has had no real contact. */
    public Long firstContactAt;
    /** "call" or "follow_up", null while no contact. */
    public String contactKind;
    public boolean slaMet;
    /** Whole minutes of office time from assignment to first contact; null while no contact. */
    public Long businessMinutes;

    public LeadResponse() {
    }

    public LeadResponse(long leadId, long assignedAt, long ownerId, long slaDeadline, Long firstContactAt,
                        String contactKind) {
        this.leadId = leadId;
        this.assignedAt = assignedAt;
        this.ownerId = ownerId;
        this.slaDeadline = slaDeadline;
        this.firstContactAt = firstContactAt;
        this.contactKind = contactKind;
        this.slaMet = firstContactAt != null && firstContactAt <= slaDeadline;
    }

    /** This row with its business minutes counted on the given office hours. */
    public LeadResponse inBusinessHours(BusinessHours hours) {
        businessMinutes = firstContactAt == null ? null
                : hours.minutesBetween(Instant.ofEpochMilli(assignedAt), Instant.ofEpochMilli(firstContactAt));
        return this;
    }

    public Long responseMinutes() {
        return firstContactAt == null ? null : (firstContactAt - assignedAt) / 60_000L;
    }

    public Map<String, Object> toRow() {
        Map<String, Object> row = new HashMap<>();
        row.put("lead_id", leadId);
        row.put("assigned_at", Instant.ofEpochMilli(assignedAt));
        row.put("owner_id", ownerId);
        row.put("sla_deadline", Instant.ofEpochMilli(slaDeadline));
        row.put("first_contact_at", firstContactAt == null ? null : Instant.ofEpochMilli(firstContactAt));
        row.put("contact_kind", contactKind);
        row.put("response_minutes", responseMinutes());
        row.put("business_minutes", businessMinutes);
        row.put("sla_met", slaMet);
        return row;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeadResponse r && leadId == r.leadId && assignedAt == r.assignedAt && ownerId == r.ownerId
                && slaDeadline == r.slaDeadline && Objects.equals(firstContactAt, r.firstContactAt)
                && Objects.equals(contactKind, r.contactKind) && slaMet == r.slaMet
                && Objects.equals(businessMinutes, r.businessMinutes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(leadId, assignedAt, ownerId, firstContactAt);
    }

    @Override
    public String toString() {
        return "LeadResponse(lead " + leadId + " assigned " + Instant.ofEpochMilli(assignedAt) + " to " + ownerId
                + ", first contact " + (firstContactAt == null ? "none" : Instant.ofEpochMilli(firstContactAt))
                + " by " + contactKind + ", sla met " + slaMet + ", business minutes " + businessMinutes + ")";
    }
}
