package org.salesops.pipelines.process;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.salesops.pipelines.crm.CrmChange;

/** Hand-made CRM changes, typed as the CRM parser types them, with fixed instants for the tests. */
final class Crm {

    /** Monday 2026-03-02 09:00 in Shanghai. */
    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    static final long HOUR = 3_600_000L;

    private Crm() {
    }

    static long at(double hours) {
        return T0.toEpochMilli() + (long) (hours * HOUR);
    }

    static Instant instant(double hours) {
        return Instant.ofEpochMilli(at(hours));
    }

    static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    static CrmChange create(String table, Map<String, Object> after, double committedHours) {
        return new CrmChange(table, "c", null, after, instant(committedHours), lsn(committedHours), null);
    }

    static CrmChange update(String table, Map<String, Object> before, Map<String, Object> after, double committedHours) {
        return new CrmChange(table, "u", before, after, instant(committedHours), lsn(committedHours), null);
    }

    static CrmChange delete(String table, Map<String, Object> before, double committedHours) {
        return new CrmChange(table, "d", before, null, instant(committedHours), lsn(committedHours), null);
    }

    /** The log position grows with the commit time, as PostgreSQL's does. */
    private static long lsn(double committedHours) {
        return 1_000_000L + (long) (committedHours * 1000);
    }

    static Map<String, Object> activity(long id, long owner, Long customer, double occurredHours, Integer questions,
                                        String discoveries, String evidence, String notes) {
        Map<String, Object> row = row("id", id, "owner_id", owner, "lead_id", 500L + id, "customer_id", customer,
                "type", "call", "occurred_at", instant(occurredHours), "questions_asked", questions,
                "discoveries", discoveries, "evidence_quote", evidence, "notes", notes);
        return row;
    }

    static Map<String, Object> commitment(long id, long customer, double createdHours, double dueHours, String status,
                                          Double fulfilledHours) {
        return row("id", id, "code", "DABE-20260302-" + String.format("%03d", id), "customer_id", customer,
                "opportunity_id", 900L, "owner_id", 7L, "content", "发送技术方案", "due_at", instant(dueHours),
                "evidence_ref", "REC-20260302-0001", "status", status,
                "fulfilled_at", fulfilledHours == null ? null : instant(fulfilledHours), "created_at", instant(createdHours));
    }

    static Map<String, Object> quote(long id, long opportunity, Double sentHours, String feedbackType, Double feedbackHours) {
        return row("id", id, "opportunity_id", opportunity, "owner_id", 7L, "status", sentHours == null ? "draft" : "sent",
                "sent_at", sentHours == null ? null : instant(sentHours), "feedback_type", feedbackType,
                "feedback_at", feedbackHours == null ? null : instant(feedbackHours));
    }

    static Map<String, Object> opportunity(long id, String stage) {
        return row("id", id, "customer_id", 300L, "owner_id", 7L, "stage", stage);
    }
}
