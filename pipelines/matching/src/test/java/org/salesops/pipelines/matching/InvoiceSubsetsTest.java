package org.salesops.pipelines.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvoiceSubsetsTest {

    static final InvoiceSubsets SUBSETS = new InvoiceSubsets(new FeeTolerance(new BigDecimal("50.00"), new BigDecimal("2.5")), 5);

    /** Open invoices, oldest first, numbered 1, 2, ... in that order. */
    static List<InvoiceState> open(String... amounts) {
        List<InvoiceState> invoices = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            InvoiceChange crm = new InvoiceChange();
            crm.id = i + 1;
            crm.invoiceNo = "INV-2026-" + (i + 1);
            crm.amount = new BigDecimal(amounts[i]);
            crm.status = "issued";
            crm.issuedAt = (long) i;
            invoices.add(InvoiceState.of(crm));
        }
        return invoices;
    }

    static List<Long> ids(List<InvoiceState> invoices) {
        return invoices.stream().map(i -> i.crm.id).toList();
    }

    static Optional<InvoiceSubsets.Subset> settling(String amount, String... open) {
        return SUBSETS.settling(open(open), new BigDecimal(amount));
    }

    @Test
    void theFewestInvoicesWin() {
        InvoiceSubsets.Subset s = settling("300.00", "100.00", "200.00", "300.00").orElseThrow();
        assertThat(ids(s.invoices())).containsExactly(3L);
        assertThat(s.fit()).isEqualTo(AmountFit.EXACT);
        assertThat(s.unique()).isTrue();
    }

    @Test
    void severalInvoicesOfOnePayment() {
        InvoiceSubsets.Subset s = settling("700.00", "100.00", "250.00", "200.00", "250.00", "2000.00").orElseThrow();
        // 250 + 200 + 250 and 100 + ... : three invoices at least; 250/200/250 is the only such triple
        assertThat(ids(s.invoices())).containsExactly(2L, 3L, 4L);
        assertThat(s.unique()).isTrue();
    }

    @Test
    void equalInvoicesAreNoRivalsTheOldestIsSettledFirst() {
        InvoiceSubsets.Subset s = settling("5000.00", "5000.00", "7000.00", "5000.00").orElseThrow();
        assertThat(ids(s.invoices())).containsExactly(1L);
        assertThat(s.unique()).isTrue();
    }

    @Test
    void twoSubsetsPayingForDifferentAmountsAreATie() {
        InvoiceSubsets.Subset s = settling("500.00", "100.00", "400.00", "200.00", "300.00").orElseThrow();
        assertThat(ids(s.invoices())).containsExactly(1L, 2L);
        assertThat(ids(s.rival())).containsExactly(3L, 4L);
        assertThat(s.unique()).isFalse();
    }

    @Test
    void aShortfallWithinTheBankFeeSettlesButAnExactSumComesFirst() {
        InvoiceSubsets.Subset fee = settling("9990.00", "10000.00").orElseThrow();
        assertThat(fee.fit()).isEqualTo(AmountFit.WITHIN_FEE);
        assertThat(settling("9900.00", "10000.00")).isEmpty();
        InvoiceSubsets.Subset exact = settling("9990.00", "10000.00", "4990.00", "5000.00").orElseThrow();
        assertThat(exact.fit()).isEqualTo(AmountFit.EXACT);
        assertThat(ids(exact.invoices())).containsExactly(2L, 3L);
    }

    @Test
    void atMostFiveInvoices() {
        assertThat(settling("600.00", "100.00", "100.00", "100.00", "100.00", "100.00", "100.00")).isEmpty();
        assertThat(settling("500.00", "100.00", "100.00", "100.00", "100.00", "100.00", "100.00")).isPresent();
    }

    @Test
    void feeToleranceNeedsBothLimits() {
        FeeTolerance fee = new FeeTolerance(new BigDecimal("50.00"), new BigDecimal("2.5"));
        assertThat(fee.covers(new BigDecimal("2000.00"), new BigDecimal("1950.00"))).isTrue();
        assertThat(fee.covers(new BigDecimal("1000.00"), new BigDecimal("975.00"))).isTrue();
        assertThat(fee.covers(new BigDecimal("1000.00"), new BigDecimal("970.00"))).isFalse();
        assertThat(fee.covers(new BigDecimal("100000.00"), new BigDecimal("99940.00"))).isFalse();
        assertThat(fee.covers(new BigDecimal("1000.00"), new BigDecimal("1000.00"))).isFalse();
        assertThat(new FeeTolerance(null, new BigDecimal("1")).covers(new BigDecimal("100000.00"), new BigDecimal("99000.00")))
                .isTrue();
        assertThat(new FeeTolerance(null, null).covers(new BigDecimal("10.00"), new BigDecimal("9.99"))).isFalse();
    }
}
