package org.salesops.pipelines.process;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.salesops.pipelines.crm.CrmChange;

/**
 * One row of gold.follow_up_discovery: how deep one follow-up (activities row) went into the
 * customer's needs, as of one change of that row. A POJO for Flink state.
 */
public class FollowUpDiscovery {
    public long activityId;
    public long ownerId;
    public Long leadId;
    public Long opportunityId;
    public Long customerId;
    public String type;
    public long occurredAt;
    /** occurred_at's date in the company's time zone. */
    public LocalDate occurredDay;
    public Integer questionsAsked;
    /** Distinct discovery codes in the order logged, ';'-separated; empty when none. */
    public String discoveries = "";
    public boolean evidencePresent;
    /** The follow-up was deleted, or (for the daily aggregate only) moved to another rep or day. */
    public boolean deleted;
    /** The change this row reflects; not a column. */
    public ChangeVersion version;
    /** The change is a row of Debezium's initial snapshot (history arriving for the first time); not a column. */
    public boolean snapshot;

    public FollowUpDiscovery() {
    }

    /** The follow-up as a change leaves it; null for other tables and for tombstones (they carry only the key). */
    public static FollowUpDiscovery of(CrmChange change, ZoneId zone) {
        if (!"activities".equals(change.table()) || "tombstone".equals(change.op())) {
            return null;
        }
        Map<String, Object> row = change.row();
        Long owner = CrmValues.bigint(row, "owner_id");
        Long occurredAt = CrmValues.millis(row, "occurred_at");
        if (owner == null || occurredAt == null) {
            return null;
        }
        FollowUpDiscovery f = new FollowUpDiscovery();
        f.activityId = CrmValues.bigint(row, "id");
        f.ownerId = owner;
        f.leadId = CrmValues.bigint(row, "lead_id");
        f.opportunityId = CrmValues.bigint(row, "opportunity_id");
        f.customerId = CrmValues.bigint(row, "customer_id");
        f.type = CrmValues.text(row, "type");
        f.occurredAt = occurredAt;
        f.occurredDay = Instant.ofEpochMilli(occurredAt).atZone(zone).toLocalDate();
        f.questionsAsked = CrmValues.integer(row, "questions_asked");
        f.discoveries = normalise(CrmValues.text(row, "discoveries"));
        f.evidencePresent = CrmValues.present(row, "evidence_quote");
        f.deleted = change.after() == null;
        f.version = ChangeVersion.of(change);
        f.snapshot = "r".equals(change.op());
        return f;
    }

    private static String normalise(String discoveries) {
        if (discoveries == null) {
            return "";
        }
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        for (String code : discoveries.split(";")) {
            if (!code.isBlank()) {
                codes.add(code.trim());
            }
        }
        return String.join(";", codes);
    }

    public List<String> discoveryList() {
        return discoveries.isEmpty() ? List.of() : Arrays.asList(discoveries.split(";"));
    }

    public int discoveryCount() {
        return discoveryList().size();
    }

    /** This row withdrawn from its rep and day, as of a later change. */
    public FollowUpDiscovery withdrawnBy(ChangeVersion later) {
        FollowUpDiscovery w = copy();
        w.deleted = true;
        w.version = later;
        w.snapshot = false;
        return w;
    }

    /** Same values in every column (the version aside). */
    public boolean sameContent(FollowUpDiscovery o) {
        return activityId == o.activityId && ownerId == o.ownerId && Objects.equals(leadId, o.leadId)
                && Objects.equals(opportunityId, o.opportunityId) && Objects.equals(customerId, o.customerId)
                && Objects.equals(type, o.type) && occurredAt == o.occurredAt && Objects.equals(occurredDay, o.occurredDay)
                && Objects.equals(questionsAsked, o.questionsAsked) && discoveries.equals(o.discoveries)
                && evidencePresent == o.evidencePresent && deleted == o.deleted;
    }

    private FollowUpDiscovery copy() {
        FollowUpDiscovery c = new FollowUpDiscovery();
        c.activityId = activityId;
        c.ownerId = ownerId;
        c.leadId = leadId;
        c.opportunityId = opportunityId;
        c.customerId = customerId;
        c.type = type;
        c.occurredAt = occurredAt;
        c.occurredDay = occurredDay;
        c.questionsAsked = questionsAsked;
        c.discoveries = discoveries;
        c.evidencePresent = evidencePresent;
        c.deleted = deleted;
        c.version = version;
        c.snapshot = snapshot;
        return c;
    }

    public Map<String, Object> toRow() {
        Map<String, Object> row = new HashMap<>();
        row.put("activity_id", activityId);
        row.put("owner_id", ownerId);
        row.put("lead_id", leadId);
        row.put("opportunity_id", opportunityId);
        row.put("customer_id", customerId);
        row.put("type", type);
        row.put("occurred_at", Instant.ofEpochMilli(occurredAt));
        row.put("occurred_day", occurredDay);
        row.put("questions_asked", questionsAsked);
        row.put("discovery_count", discoveryCount());
        row.put("discoveries", discoveryList());
        row.put("evidence_present", evidencePresent);
        row.put("deleted", deleted);
        return row;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FollowUpDiscovery f && sameContent(f) && Objects.equals(version, f.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(activityId, ownerId, occurredAt, discoveries, version);
    }

    @Override
    public String toString() {
        return "FollowUp(" + activityId + " by " + ownerId + " on " + occurredDay + ", questions " + questionsAsked
                + ", discoveries [" + discoveries + "], evidence " + evidencePresent + (deleted ? ", deleted" : "") + ")";
    }
}
