package org.salesops.pipelines.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A contract in the ledger: its CRM row and the commission released on it. A POJO for Flink state. */
public class ContractState {
    public ContractChange crm;
    public List<Release> releases = new ArrayList<>();

    public ContractState() {
    }

    static ContractState of(ContractChange crm) {
        ContractState s = new ContractState();
        s.crm = crm;
        return s;
    }

    /** One milestone's release on the contract: what stands released, and how many ledger entries it has had. */
    public static class Release {
        public String milestone;
        /** Released now; null when not (never, or clawed back). */
        public BigDecimal amount;
        public int entries;

        public Release() {
        }
    }

    Release release(String milestone) {
        for (Release r : releases) {
            if (r.milestone.equals(milestone)) {
                return r;
            }
        }
        Release r = new Release();
        r.milestone = milestone;
        releases.add(r);
        return r;
    }
}
