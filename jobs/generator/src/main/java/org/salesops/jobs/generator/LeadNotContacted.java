package org.salesops.jobs.generator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * lead_not_contacted: an assigned lead the owner has not reached 24 hours after the assignment
 * alerts the owner and escalates at 48 hours. Reaching it (as the response-time definition counts
 * a first contact), handing it to someone else, or deleting it ends the watch.
 */
final class LeadNotContacted {

    static final String RULE = "lead_not_contacted";

    private final CrmDatabase crm;

    LeadNotContacted(CrmDatabase crm) {
        this.crm = crm;
    }

    /** The episode of one visible assignment; next is the lead's next visible assignment, or null. */
    AlertEpisode episode(ContactLedger.LeadFacts lead, ContactLedger.Assignment assignment, ContactLedger.Assignment next) {
        Instant assignedAt = assignment.assignedAt().truncatedTo(ChronoUnit.MILLIS);
        AlertEpisode episode = new AlertEpisode(RULE, "lead", lead.leadId, assignment.ownerId(), assignedAt,
                assignedAt.plus(GroundTruth.SLA), assignedAt.plus(GroundTruth.SLA.multipliedBy(2)),
                crm.visibleAt(assignment.committedAt()));
        Instant until = next == null ? null : next.assignedAt();
        for (ContactLedger.Contact contact : lead.contactsBy(assignment.ownerId(), assignedAt, until)) {
            // Calls come from the telephone archive, history included; follow-ups from the CRM.
            episode.endedAt(contact.kind().equals("call") ? contact.recordedAt() : crm.visibleAt(contact.recordedAt()));
        }
        if (next != null) {
            episode.endedAt(crm.visibleAt(next.committedAt()));
        }
        if (lead.deletionCommittedAt != null) {
            episode.endedAt(lead.deletionCommittedAt);
        }
        return episode;
    }
}
