package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salesops.jobs.generator.GroundTruth;
import org.salesops.jobs.ingest.KafkaResultPublisher;

/**
 * Payment matching on the real stack against what the generator knows each credit paid: names with
 * typos and branch suffixes, memos with and without invoice numbers, fees, one credit for several
 * invoices, partial payments, and finance confirming the doubtful ones.
 */
class FinanceTruthTest {

    /** The configured bank-fee tolerance: a partial payment's fee is known to the generator only. */
    static final BigDecimal FEE_TOLERANCE = new BigDecimal("50.00");

    static CompanyOnTheStack run;
    static Map<String, Set<Long>> paidPerCredit = new HashMap<>();
    static Map<String, BigDecimal> truthAmount = new HashMap<>();

    @BeforeAll
    static void theCompanyOnTheStack() throws Exception {
        run = CompanyOnTheStack.get();
        for (GroundTruth.PaymentAllocation a : run.company.groundTruth().paymentAllocations()) {
            paidPerCredit.computeIfAbsent(a.bankReference(), r -> new TreeSet<>()).add(a.invoiceId());
            truthAmount.merge(a.bankReference() + "/" + a.invoiceId(), a.amount(), BigDecimal::add);
        }
    }

    @Test
    void noMoneyIsEverAppliedToAnInvoiceItDidNotPay() throws SQLException {
        List<String> applied = new ArrayList<>();
        try (Statement s = run.trino.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT bank_reference, invoice_id, amount FROM gold.payment_allocations WHERE amount > 0")) {
            while (rs.next()) {
                applied.add(rs.getString(1) + "/" + rs.getLong(2));
                BigDecimal expected = truthAmount.get(rs.getString(1) + "/" + rs.getLong(2));
                assertThat(expected).as("credit %s paid invoice %s", rs.getString(1), rs.getLong(2)).isNotNull();
                assertThat(rs.getBigDecimal(3).subtract(expected).abs()).as("amount applied to %s", applied.get(applied.size() - 1))
                        .isLessThanOrEqualTo(FEE_TOLERANCE);
            }
        }
        assertThat(applied).isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    void everyCreditThatPaidInvoicesIsAppliedToExactlyThoseMatchedAtOnceOrConfirmedByFinance() throws SQLException {
        Map<String, Set<Long>> applied = new HashMap<>();
        Map<String, Long> statuses = new HashMap<>();
        try (Statement s = run.trino.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT m.bank_reference, m.status, a.invoice_id
                FROM gold.payment_matches m
                LEFT JOIN gold.payment_allocations a
                  ON a.account_id = m.account_id AND a.transaction_key = m.transaction_key AND a.amount > 0
                WHERE m.status IN ('auto_matched', 'confirmed')""")) {
            while (rs.next()) {
                statuses.merge(rs.getString(2), 1L, Long::sum);
                applied.computeIfAbsent(rs.getString(1), r -> new TreeSet<>()).add(rs.getLong(3));
            }
        }
        assertThat(applied).isNotEmpty().isEqualTo(paidPerCredit);
        assertThat(statuses.keySet()).isSubsetOf("auto_matched", "confirmed");
    }

    @Test
    void creditsNobodyOwedAreNeverAutoMatchedAndEveryTransactionHasOneMatchRow() throws SQLException {
        assertThat(run.single("SELECT count(*) FROM gold.payment_matches"))
                .isEqualTo(run.single("SELECT count(*) FROM raw.bank_transactions"));
        Set<String> automatic = new HashSet<>();
        try (Statement s = run.trino.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT bank_reference FROM gold.payment_matches WHERE status = 'auto_matched'")) {
            while (rs.next()) {
                automatic.add(rs.getString(1));
            }
        }
        assertThat(paidPerCredit.keySet()).containsAll(automatic);
        assertThat(run.single("SELECT count(*) FROM gold.payment_matches WHERE explanation IS NULL OR length(explanation) < 10"))
                .isZero();
    }

    @Test
    void anInvoiceIsPaidExactlyWhenTheCreditsForItCoverIt() throws SQLException {
        Map<Long, BigDecimal> paid = new HashMap<>();
        run.company.groundTruth().paymentAllocations().forEach(a -> paid.merge(a.invoiceId(), a.amount(), BigDecimal::add));
        try (Statement s = run.trino.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT invoice_id, amount, status FROM gold.invoice_balances WHERE status IN ('paid', 'partially_paid', 'open')")) {
            while (rs.next()) {
                BigDecimal owed = rs.getBigDecimal(2);
                BigDecimal received = paid.getOrDefault(rs.getLong(1), BigDecimal.ZERO);
                String expected = received.signum() == 0 ? "open"
                        : received.add(FEE_TOLERANCE).compareTo(owed) >= 0 ? "paid" : "partially_paid";
                assertThat(rs.getString(3)).as("invoice %s: %s of %s received", rs.getLong(1), received, owed)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void everyMatchStateOnKafkaIsTheTablesEachOnceAndTheLastIsCurrent() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<String>> onKafka = new HashMap<>();
        for (ConsumerRecord<String, String> r : run.readTopic(KafkaResultPublisher.PAYMENT_MATCHES_TOPIC)) {
            JsonNode m = json.readTree(r.value());
            onKafka.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(m.get("status").asText());
        }
        Map<String, String> table = new HashMap<>();
        try (Statement s = run.trino.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT account_id || '/' || transaction_key, status FROM gold.payment_matches")) {
            while (rs.next()) {
                table.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(onKafka.keySet()).isEqualTo(table.keySet());
        onKafka.forEach((key, states) -> assertThat(states.get(states.size() - 1)).as(key).isEqualTo(table.get(key)));
    }
}
