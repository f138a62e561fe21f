package org.salesops.pipelines.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One state of an alert (schemas/tables/gold/alerts.json): a rule's deadline passed for a subject
 * with no awaited action. An alert is emitted when it opens (at the deadline), again when it
 * escalates (at twice the threshold, one level further up) and when it resolves (the action came);
 * every state carries the same {@link #alertId}, so sinks upsert and a replay raises nothing twice.
 * A POJO for Flink.
 */
public class Alert {

    public static final String OPEN = "open";
    public static final String ESCALATED = "escalated";
    public static final String RESOLVED = "resolved";

    /** Stable: rule, subject and the start of the silence that raised it. */
    public String alertId;
    /** e.g. lead_not_contacted, commitment_overdue, quote_feedback_missing, stage_dwell */
    public String rule;
    /** lead, commitment, quote, opportunity, receivable_step, collab_task */
    public String subjectType;
    public long subjectId;
    /** The person who owes the action (users.id). */
    public long ownerId;
    /** When the awaited action became due: the deadline, in epoch millis (event time). */
    public long dueAt;
    /** When it escalated one level up, or null. */
    public Long escalatedAt;
    /** When the awaited action came, or null. */
    public Long resolvedAt;
    /** open, escalated or resolved. */
    public String status;
    /** 1: owner and owner's manager; 2: also the manager's manager. */
    public int level;
    /** Who is told: filled by {@link AlertRecipients} from the org chart. */
    public List<Long> recipients = new ArrayList<>();
    /** What a person reads: Chinese with English beside it. */
    public String message;

    public Alert() {
    }

    public static String idOf(String rule, String subjectType, long subjectId, long silenceStartedAt) {
        return rule + ":" + subjectType + ":" + subjectId + ":" + silenceStartedAt;
    }

    /** An alert opening at its deadline, level 1. */
    public static Alert open(String rule, String subjectType, long subjectId, long ownerId, long silenceStartedAt,
                             long dueAt, String message) {
        Alert a = new Alert();
        a.alertId = idOf(rule, subjectType, subjectId, silenceStartedAt);
        a.rule = rule;
        a.subjectType = subjectType;
        a.subjectId = subjectId;
        a.ownerId = ownerId;
        a.dueAt = dueAt;
        a.status = OPEN;
        a.level = 1;
        a.message = message;
        return a;
    }

    public Alert escalated(long at) {
        Alert a = copy();
        a.escalatedAt = at;
        a.status = ESCALATED;
        a.level = 2;
        return a;
    }

    public Alert resolved(long at) {
        Alert a = copy();
        a.resolvedAt = at;
        a.status = RESOLVED;
        return a;
    }

    public Alert withRecipients(List<Long> people) {
        Alert a = copy();
        a.recipients = new ArrayList<>(people);
        return a;
    }

    private Alert copy() {
        Alert a = new Alert();
        a.alertId = alertId;
        a.rule = rule;
        a.subjectType = subjectType;
        a.subjectId = subjectId;
        a.ownerId = ownerId;
        a.dueAt = dueAt;
        a.escalatedAt = escalatedAt;
        a.resolvedAt = resolvedAt;
        a.status = status;
        a.level = level;
        a.recipients = new ArrayList<>(recipients);
        a.message = message;
        return a;
    }

    /** The row of gold.alerts. */
    public Map<String, Object> toRow() {
        Map<String, Object> row = new HashMap<>();
        row.put("alert_id", alertId);
        row.put("rule", rule);
        row.put("subject_type", subjectType);
        row.put("subject_id", subjectId);
        row.put("owner_id", ownerId);
        row.put("due_at", Instant.ofEpochMilli(dueAt));
        row.put("escalated_at", escalatedAt == null ? null : Instant.ofEpochMilli(escalatedAt));
        row.put("resolved_at", resolvedAt == null ? null : Instant.ofEpochMilli(resolvedAt));
        row.put("status", status);
        row.put("level", level);
        row.put("recipients", List.copyOf(recipients));
        row.put("message", message);
        return row;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Alert a && subjectId == a.subjectId && ownerId == a.ownerId && dueAt == a.dueAt
                && level == a.level && Objects.equals(alertId, a.alertId) && Objects.equals(rule, a.rule)
                && Objects.equals(subjectType, a.subjectType) && Objects.equals(escalatedAt, a.escalatedAt)
                && Objects.equals(resolvedAt, a.resolvedAt) && Objects.equals(status, a.status)
                && Objects.equals(recipients, a.recipients) && Objects.equals(message, a.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(alertId, status, level);
    }

    @Override
    public String toString() {
        return "Alert(" + alertId + " " + status + " level " + level + " due " + Instant.ofEpochMilli(dueAt)
                + (escalatedAt == null ? "" : " escalated " + Instant.ofEpochMilli(escalatedAt))
                + (resolvedAt == null ? "" : " resolved " + Instant.ofEpochMilli(resolvedAt))
                + " owner " + ownerId + " to " + recipients + ")";
    }
}
