package org.salesops.pipelines.matching;

import java.math.BigDecimal;
import java.util.Map;
import org.salesops.pipelines.crm.CrmChange;

/** A contracts row as one change leaves it. A POJO for Flink. */
public class ContractChange extends CrmRowChange {
    public long customerId;
    public long ownerId;
    public String contractNo;
    public BigDecimal amount;
    public String currency;
    /** Share of the amount paid as commission; null when none is agreed. */
    public BigDecimal commissionRate;
    public String status;

    public ContractChange() {
    }

    /** Null for other tables, tombstones and rows missing a required column. */
    public static ContractChange of(CrmChange change) {
        if (!readable(change, "contracts")) {
            return null;
        }
        Map<String, Object> row = change.row();
        ContractChange c = new ContractChange();
        c.versionOf(change);
        Long customer = CrmColumns.bigint(row, "customer_id");
        Long owner = CrmColumns.bigint(row, "owner_id");
        c.contractNo = CrmColumns.text(row, "contract_no");
        c.amount = CrmColumns.decimal(row, "amount");
        if (customer == null || owner == null || c.contractNo == null || c.amount == null) {
            return null;
        }
        c.customerId = customer;
        c.ownerId = owner;
        c.currency = CrmColumns.currency(row);
        c.commissionRate = CrmColumns.decimal(row, "commission_rate");
        c.status = CrmColumns.text(row, "status");
        return c;
    }
}
