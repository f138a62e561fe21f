package org.salesops.jobs.generator;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Someone the company is selling to: a lead and the company behind it, or an existing customer
 * buying again (no lead). The owner works it; what they learn accumulates here.
 */
final class Prospect {

    /** How the lead ends, decided when it is first reached. */
    enum Fate { INVALID, LOST, CONVERT, DRIFT }

    final Long leadId;
    final String channel;
    final Phone phone;
    final PersonName contact;
    final String title;
    final Company company;
    final String product;
    final Set<String> discovered = new LinkedHashSet<>();
    Customer customer;
    Staff owner;
    /** Increases with every (re)assignment, so that work planned for an earlier owner is dropped. */
    int assignment;
    Fate fate;
    int decisionAt;
    int followUps;
    /** Follow-up calls in a row that reached nobody. */
    int misses;
    boolean closed;
    boolean deleted;
    Deal deal;

    Prospect(Long leadId, String channel, Phone phone, PersonName contact, String title, Company company, String product) {
        this.leadId = leadId;
        this.channel = channel;
        this.phone = phone;
        this.contact = contact;
        this.title = title;
        this.company = company;
        this.product = product;
    }

    String region() {
        return company.city().region();
    }

    Long customerId() {
        return customer == null ? null : customer.id;
    }

    Long opportunityId() {
        return deal == null ? null : deal.id;
    }

    /** Still being worked by the owner it had when the work was planned. */
    boolean workable(int plannedAssignment) {
        return !deleted && assignment == plannedAssignment && (deal != null ? !deal.closed() : !closed);
    }
}
