package org.salesops.pipelines.integrity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of gold.integrity_anomalies (schemas/tables/gold/integrity_anomalies.json). Times are epoch
 * millis (event time). Built only through the factories below, one per kind, so the id and the text a
 * supervisor reads are written once. A POJO for Flink.
 */
public class Anomaly {

    public static final String BACK_DATED = "back_dated";
    public static final String BULK_STATUS_FLIP = "bulk_status_flip";
    public static final String CALL_WITHOUT_CDR = "call_without_cdr";
    public static final String UNAPPROVED_STATUS_CHANGE = "unapproved_status_change";

    /** kind:subjectType:subjectId:occurredAt — stable across replays. */
    public String anomalyId;
    public String kind;
    public String subjectType;
    public long subjectId;
    /** Who is answerable (users.id), or null when the row names nobody. */
    public Long userId;
    public long occurredAt;
    public long detectedAt;
    /** back_dated: the created_at the row claims. */
    public Long claimedAt;
    /** bulk_status_flip: the last flip. */
    public Long lastAt;
    public Long leadId;
    /** bulk_status_flip: the leads flipped, in flip order; empty otherwise. */
    public List<Long> leadIds = new ArrayList<>();
    /** The lead status set (bulk_status_flip, unapproved_status_change). */
    public String status;
    /** Chinese with English. */
    public String details;

    public Anomaly() {
    }

    private Anomaly(String kind, String subjectType, long subjectId, Long userId, long occurredAt, long detectedAt) {
        this.anomalyId = kind + ":" + subjectType + ":" + subjectId + ":" + occurredAt;
        this.kind = kind;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.userId = userId;
        this.occurredAt = occurredAt;
        this.detectedAt = detectedAt;
    }

    /** A row (lead, activity, opportunity) entered at {@code enteredAt} claiming it was created at {@code createdAt}. */
    public static Anomaly backDated(String subjectType, long subjectId, Long userId, Long leadId, long createdAt,
                                    long enteredAt) {
        Anomaly a = new Anomaly(BACK_DATED, subjectType, subjectId, userId, enteredAt, enteredAt);
        a.claimedAt = createdAt;
        a.leadId = leadId;
        long hours = Duration.ofMillis(enteredAt - createdAt).toHours();
        a.details = "补录: " + subjectType + " " + subjectId + " 录入时间比创建时间晚" + hours + "小时"
                + " Back-dated: " + subjectType + " " + subjectId + " entered " + hours + " h after the created_at it claims ("
                + Instant.ofEpochMilli(createdAt) + ")";
        return a;
    }

    /** One owner moving {@code leads} to {@code status} between {@code firstAt} and {@code lastAt}. */
    public static Anomaly bulkStatusFlip(long ownerId, String status, List<Long> leads, long firstAt, long lastAt,
                                         long detectedAt) {
        Anomaly a = new Anomaly(BULK_STATUS_FLIP, "user", ownerId, ownerId, firstAt, detectedAt);
        a.lastAt = lastAt;
        a.leadIds = new ArrayList<>(leads);
        a.status = status;
        long seconds = (lastAt - firstAt) / 1000;
        a.details = "批量改状态: 用户 " + ownerId + " 在" + seconds + "秒内把" + leads.size() + "条线索改为 " + status
                + " Bulk status flip: user " + ownerId + " set " + leads.size() + " leads to " + status
                + " within " + seconds + " s";
        return a;
    }

    /** A follow-up logged as a call at {@code occurredAt} with no call on record between its owner and the lead. */
    public static Anomaly callWithoutCdr(long activityId, long ownerId, long leadId, long occurredAt, long detectedAt,
                                         Duration window) {
        Anomaly a = new Anomaly(CALL_WITHOUT_CDR, "activity", activityId, ownerId, occurredAt, detectedAt);
        a.leadId = leadId;
        long minutes = window.toMinutes();
        a.details = "跟进记录为电话, 但前后" + minutes + "分钟内没有该销售与线索 " + leadId + " 的通话记录"
                + " Call logged without a call record: activity " + activityId + " by user " + ownerId
                + ", no call with lead " + leadId + "'s phone within " + minutes + " min";
        return a;
    }

    /** Lead {@code leadId} set to {@code status} at {@code changedAt} with no approved request for it. */
    public static Anomaly unapprovedStatusChange(long leadId, Long ownerId, String status, long changedAt,
                                                 long detectedAt, Duration window) {
        Anomaly a = new Anomaly(UNAPPROVED_STATUS_CHANGE, "lead", leadId, ownerId, changedAt, detectedAt);
        a.leadId = leadId;
        a.status = status;
        long hours = window.toHours();
        a.details = "线索 " + leadId + " 改为 " + status + " 未经主管审批" + "(前后" + hours + "小时内无批准的申请)"
                + " Lead " + leadId + " set to " + status + " without a supervisor's approval within " + hours + " h";
        return a;
    }

    public Map<String, Object> toRow() {
        Map<String, Object> row = new HashMap<>();
        row.put("anomaly_id", anomalyId);
        row.put("kind", kind);
        row.put("subject_type", subjectType);
        row.put("subject_id", subjectId);
        row.put("user_id", userId);
        row.put("occurred_at", Instant.ofEpochMilli(occurredAt));
        row.put("detected_at", Instant.ofEpochMilli(detectedAt));
        row.put("claimed_at", claimedAt == null ? null : Instant.ofEpochMilli(claimedAt));
        row.put("last_at", lastAt == null ? null : Instant.ofEpochMilli(lastAt));
        row.put("lead_id", leadId);
        row.put("lead_ids", leadIds.isEmpty() ? null : List.copyOf(leadIds));
        row.put("status", status);
        row.put("details", details);
        return row;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Anomaly a && Objects.equals(anomalyId, a.anomalyId) && subjectId == a.subjectId
                && occurredAt == a.occurredAt && detectedAt == a.detectedAt && Objects.equals(userId, a.userId)
                && Objects.equals(claimedAt, a.claimedAt) && Objects.equals(lastAt, a.lastAt)
                && Objects.equals(leadId, a.leadId) && Objects.equals(leadIds, a.leadIds)
                && Objects.equals(status, a.status);
    }

    @Override
    public int hashCode() {
        return Objects.hash(anomalyId, detectedAt);
    }

    @Override
    public String toString() {
        return anomalyId + " detected " + Instant.ofEpochMilli(detectedAt)
                + (leadIds.isEmpty() ? "" : " leads " + leadIds) + (leadId == null ? "" : " lead " + leadId);
    }
}
