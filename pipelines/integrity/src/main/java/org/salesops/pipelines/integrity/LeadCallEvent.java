package org.salesops.pipelines.integrity;

import java.util.Optional;
import org.salesops.pipelines.crm.CrmChange;
import org.salesops.pipelines.metrics.response.LeadSignal;

/**
 * What the call check of one lead hears: a call follow-up logged (or withdrawn) on it, a call with its
 * phone (already matched to it), or the lead's own row (the lead exists, or was deleted). Exactly one
 * of the three is set. A POJO for Flink.
 */
public class LeadCallEvent {
    public CallActivity activity;
    public LeadSignal call;
    public LeadRow lead;

    /** A lead's row seen in a change (deleted or not) and the change's commit time: the latest version wins. */
    public static class LeadRow {
        public long leadId;
        public boolean deleted;
        public long version;

        public LeadRow() {
        }

        public LeadRow(long leadId, boolean deleted, long version) {
            this.leadId = leadId;
            this.deleted = deleted;
            this.version = version;
        }
    }

    public LeadCallEvent() {
    }

    public static LeadCallEvent of(CallActivity activity) {
        LeadCallEvent e = new LeadCallEvent();
        e.activity = activity;
        return e;
    }

    public static LeadCallEvent of(LeadSignal call) {
        LeadCallEvent e = new LeadCallEvent();
        e.call = call;
        return e;
    }

    public static LeadCallEvent of(LeadRow lead) {
        LeadCallEvent e = new LeadCallEvent();
        e.lead = lead;
        return e;
    }

    /** The lead row a change of leads carries: it exists (c, r, u) or was deleted (d). */
    public static Optional<LeadCallEvent> lead(CrmChange change) {
        if (!"leads".equals(change.table()) || change.op().equals("tombstone") || change.row() == null) {
            return Optional.empty();
        }
        return Optional.of(of(new LeadRow((Long) change.row().get("id"), change.after() == null,
                change.committedAt().toEpochMilli())));
    }

    public long leadId() {
        return activity != null ? activity.leadId : call != null ? call.leadId : lead.leadId;
    }

    @Override
    public String toString() {
        return activity != null ? activity.toString() : call != null ? call.toString()
                : "lead " + lead.leadId + (lead.deleted ? " deleted" : " exists");
    }
}
