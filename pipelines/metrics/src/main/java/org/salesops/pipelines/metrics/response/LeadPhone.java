package org.salesops.pipelines.metrics.response;

/** A lead's phone (E.164) becoming known (active) or no longer the lead's (inactive). */
public class LeadPhone {
    public String phone;
    public long leadId;
    public boolean active;

    public LeadPhone() {
    }

    public LeadPhone(String phone, long leadId, boolean active) {
        this.phone = phone;
        this.leadId = leadId;
        this.active = active;
    }

    @Override
    public String toString() {
        return (active ? "+" : "-") + phone + " lead " + leadId;
    }
}
