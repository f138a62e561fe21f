package org.salesops.pipelines.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchingSettingsTest {

    @Test
    void theConfigurationInSchemasIsRead() {
        MatchingSettings s = MatchingSettings.load();
        assertThat(s.currencies()).contains("CNY");
        assertThat(s.fee().maxAbsolute()).isEqualByComparingTo("50.00");
        assertThat(s.fee().maxPercent()).isEqualByComparingTo("2.5");
        assertThat(s.autoMatchConfidence()).isEqualTo(0.8);
        assertThat(s.maxInvoicesPerPayment()).isEqualTo(5);
        assertThat(s.notCustomerPaymentFamilies()).contains("INTR");
        assertThat(s.documents().key("INV-2026-004512")).isEqualTo("INV|2026|4512");
        assertThat(s.commission().milestones()).extracting(CommissionSchedule.Milestone::name)
                .containsExactly("first_payment", "paid_in_full");
    }

    @Test
    void aScheduleReleasingMoreThanTheCommissionIsRefused() {
        CommissionSchedule.Milestone half = new CommissionSchedule.Milestone("a", BigDecimal.ZERO, new BigDecimal("0.6"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CommissionSchedule(List.of(half, half)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
