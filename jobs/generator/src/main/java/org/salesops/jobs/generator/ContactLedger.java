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

    /** A lead handed to an owner; recordedAt is when the CRM row changed (the snapshot hides earlier ones). */
    record Assignment(long ownerId, Instant assignedAt, Instant recordedAt) {
    }

    /** A connected call ("call") or a logged activity ("follow_up") by a user on the lead. */
    record Contact(long userId, Instant at, String kind) {
    }

    static final class LeadFacts {
        final long leadId;
        final String channel;
        final List<Assignment> assignments = new ArrayList<>();
        final List<Contact> contacts = new ArrayList<>();
        Instant deletedAt;

        LeadFacts(long leadId, String channel) {
            this.leadId = leadId;
            this.channel = channel;
        }
    }

    private final Map<Long, LeadFacts> leads = new LinkedHashMap<>();

    void created(long leadId, String channel) {
        leads.put(leadId, new LeadFacts(leadId, channel));
    }

    void assigned(long leadId, long ownerId, Instant assignedAt, Instant recordedAt) {
        leads.get(leadId).assignments.add(new Assignment(ownerId, assignedAt, recordedAt));
    }

    void connectedCall(long leadId, long userId, Instant startedAt) {
        leads.get(leadId).contacts.add(new Contact(userId, startedAt, "call"));
    }

    void followUp(long leadId, long ownerId, Instant occurredAt) {
        leads.get(leadId).contacts.add(new Contact(ownerId, occurredAt, "follow_up"));
    }

    void deleted(long leadId, Instant at) {
        leads.get(leadId).deletedAt = at;
    }

    Collection<LeadFacts> leads() {
        return Collections.unmodifiableCollection(leads.values());
    }
}
