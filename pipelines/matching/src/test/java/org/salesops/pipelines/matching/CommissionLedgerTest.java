package org.salesops.pipelines.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommissionLedgerTest {

    static final CommissionLedger LEDGER = new CommissionLedger(Engine.SETTINGS.commission());

    static ContractState contract(String amount, String rate) {
        ContractChange crm = new ContractChange();
        crm.id = 840001L;
        crm.contractNo = "HT-2026-00123";
        crm.ownerId = 1001L;
        crm.customerId = 20001L;
        crm.amount = new BigDecimal(amount);
        crm.commissionRate = rate == null ? null : new BigDecimal(rate);
        crm.currency = "CNY";
        return ContractState.of(crm);
    }

    static List<String> update(ContractState c, String paid) {
        return LEDGER.update(c, new BigDecimal(paid), "credit", 0L).stream()
                .map(e -> e.entryId + " " + e.kind + " " + e.amount.toPlainString()).toList();
    }

    @Test
    void halfAtTheFirstPaymentTheRestWhenPaidInFull() {
        ContractState c = contract("100000.00", "0.0500");
        assertThat(update(c, "0")).isEmpty();
        assertThat(update(c, "30000.00")).containsExactly("840001:first_payment:1 release 2500.00");
        assertThat(update(c, "60000.00")).isEmpty();
        assertThat(update(c, "100000.00")).containsExactly("840001:paid_in_full:1 release 2500.00");
        assertThat(update(c, "100000.00")).isEmpty();
    }

    @Test
    void aFullFirstPaymentReleasesBothAtOnce() {
        ContractState c = contract("100000.00", "0.0500");
        assertThat(update(c, "100000.00")).containsExactly("840001:first_payment:1 release 2500.00",
                "840001:paid_in_full:1 release 2500.00");
    }

    @Test
    void returnsClawBackAndANewPaymentReleasesAgain() {
        ContractState c = contract("100000.00", "0.0500");
        update(c, "100000.00");
        assertThat(update(c, "30000.00")).containsExactly("840001:paid_in_full:2 clawback -2500.00");
        assertThat(update(c, "0")).containsExactly("840001:first_payment:2 clawback -2500.00");
        assertThat(update(c, "100000.00")).containsExactly("840001:first_payment:3 release 2500.00",
                "840001:paid_in_full:3 release 2500.00");
    }

    @Test
    void releasesAddUpToTheCommissionToTheCent() {
        ContractState c = contract("33333.33", "0.0333");
        List<CommissionEntry> entries = new ArrayList<>(LEDGER.update(c, new BigDecimal("33333.33"), "credit", 0L));
        BigDecimal total = entries.stream().map(e -> e.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualByComparingTo("1110.00");
        assertThat(entries.get(0).commission).isEqualByComparingTo("1110.00");
        assertThat(entries).extracting(e -> e.amount.toPlainString()).containsExactly("555.00", "555.00");
    }

    @Test
    void noRateNoCommission() {
        assertThat(update(contract("100000.00", null), "100000.00")).isEmpty();
    }
}
