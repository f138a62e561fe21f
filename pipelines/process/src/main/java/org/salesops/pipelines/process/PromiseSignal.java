package org.salesops.pipelines.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.salesops.pipelines.crm.CrmChange;

/**
 * A follow-up whose notes promise the customer something, or (withdrawn) one that no longer does
 * for this customer: its notes were edited, it was deleted or moved to another customer. A POJO.
 */
public class PromiseSignal {
    public long customerId;
    public long activityId;
    public long ownerId;
    public Long leadId;
    public Long opportunityId;
    public long occurredAt;
    /** The promising words found in the notes; null when withdrawn. */
    public String phrase;
    public ChangeVersion version;

    public PromiseSignal() {
    }

    public boolean withdrawn() {
        return phrase == null;
    }

    /** What an activities change means for the promises of the customers involved. */
    public static List<PromiseSignal> of(CrmChange change, CommitmentLanguage language) {
        List<PromiseSignal> signals = new ArrayList<>();
        if (!"activities".equals(change.table()) || "tombstone".equals(change.op())) {
            return signals;
        }
        PromiseSignal before = promise(change.before(), language, change);
        PromiseSignal after = promise(change.after(), language, change);
        if (before != null && (after == null || after.customerId != before.customerId)) {
            before.phrase = null;
            signals.add(before);
        }
        if (after != null) {
            signals.add(after);
        }
        return signals;
    }

    private static PromiseSignal promise(Map<String, Object> row, CommitmentLanguage language, CrmChange change) {
        Long customer = CrmValues.bigint(row, "customer_id");
        Long owner = CrmValues.bigint(row, "owner_id");
        Long occurredAt = CrmValues.millis(row, "occurred_at");
        if (customer == null || owner == null || occurredAt == null) {
            return null;
        }
        String phrase = language.find(CrmValues.text(row, "notes")).orElse(null);
        if (phrase == null) {
            return null;
        }
        PromiseSignal s = new PromiseSignal();
        s.customerId = customer;
        s.activityId = CrmValues.bigint(row, "id");
        s.ownerId = owner;
        s.leadId = CrmValues.bigint(row, "lead_id");
        s.opportunityId = CrmValues.bigint(row, "opportunity_id");
        s.occurredAt = occurredAt;
        s.phrase = phrase;
        s.version = ChangeVersion.of(change);
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PromiseSignal s && customerId == s.customerId && activityId == s.activityId
                && ownerId == s.ownerId && occurredAt == s.occurredAt && Objects.equals(phrase, s.phrase);
    }

    @Override
    public int hashCode() {
        return Objects.hash(customerId, activityId, occurredAt, phrase);
    }

    @Override
    public String toString() {
        return "Promise(activity " + activityId + " customer " + customerId + ": " + phrase + ")";
    }
}
