package org.salesops.jobs.generator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulation's own record of who was given which lead when, and every real contact with it:
 * the facts the response-time ground truth is computed from.
 */
final class ContactLedger {

    /**
     * A lead handed to an owner; recordedAt is when the CRM row changed (the snapshot hides earlier
     * ones), committedAt when that change was committed.
     */
    record Assignment(long ownerId, Instant assignedAt, Instant recordedAt, Instant committedAt) {
    }

    /**
     * A connected call ("call") or a logged activity ("follow_up") by a user on the lead; at is its
     * business time, recordedAt when its record came into being (the call's end, the activity's commit).
     */
    record Contact(long userId, Instant at, String kind, Instant recordedAt) {
    }

    static final class LeadFacts {
        final long leadId;
        final String channel;
        final List<Assignment> assignments = new ArrayList<>();
        final List<Contact> contacts = new ArrayList<>();
        Instant deletedAt;
        Instant deletionCommittedAt;

        LeadFacts(long leadId, String channel) {
            this.leadId = leadId;
            this.channel = channel;
        }

        /** The user's contacts at or after from and (when until is given) before until. */
        List<Contact> contactsBy(long userId, Instant from, Instant until) {
            return contacts.stream().filter(c -> c.userId() == userId)
                    .filter(c -> !c.at().isBefore(from) && (until == null || c.at().isBefore(until)))
                    .toList();
        }
    }

    private final Map<Long, LeadFacts> leads = new LinkedHashMap<>();

    void created(long leadId, String channel) {
        leads.put(leadId, new LeadFacts(leadId, channel));
    }

    void assigned(long leadId, long ownerId, Instant assignedAt, Instant recordedAt, Instant committedAt) {
        leads.get(leadId).assignments.add(new Assignment(ownerId, assignedAt, recordedAt, committedAt));
    }

    void connectedCall(long leadId, long userId, Instant startedAt, Instant endedAt) {
        leads.get(leadId).contacts.add(new Contact(userId, startedAt, "call", endedAt));
    }

    void followUp(long leadId, long ownerId, Instant occurredAt, Instant committedAt) {
        leads.get(leadId).contacts.add(new Contact(ownerId, occurredAt, "follow_up", committedAt));
    }

    void deleted(long leadId, Instant at, Instant committedAt) {
        LeadFacts lead = leads.get(leadId);
        lead.deletedAt = at;
        lead.deletionCommittedAt = committedAt;
    }

    Collection<LeadFacts> leads() {
        return Collections.unmodifiableCollection(leads.values());
    }
}
