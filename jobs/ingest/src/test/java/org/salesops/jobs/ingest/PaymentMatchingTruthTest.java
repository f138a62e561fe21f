package org.salesops.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.salesops.jobs.generator.CompanyGenerator;
import org.salesops.jobs.generator.CompanyProfile;
import org.salesops.jobs.generator.GeneratedCompany;
import org.salesops.jobs.generator.GroundTruth;
import org.salesops.jobs.generator.WireFormats;
import org.salesops.jobs.generator.WireRecord;
import org.salesops.pipelines.bank.BankTransaction;
import org.salesops.pipelines.common.KafkaRecord;
import org.salesops.pipelines.common.RejectedInput;
import org.salesops.pipelines.crm.CrmChange;
import org.salesops.pipelines.matching.MatchingSettings;
import org.salesops.pipelines.matching.PaymentAllocation;
import org.salesops.pipelines.matching.PaymentMatching;

/**
 * Payment matching over the default generated company's month (about eighty credits: typos and
 * branch names, memos with and without numbers, fees, one credit for several invoices, partial
 * payments, finance confirming the doubtful ones), on a MiniCluster at parallelism 2, against what the
 * generator knows each credit paid. The end-to-end test checks the same on the real stack with the
 * small company, which has only a few credits.
 */
class PaymentMatchingTruthTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    /** The configured bank-fee tolerance: the fee taken off a partial payment is known to the generator only. */
    static final BigDecimal FEE_TOLERANCE = new BigDecimal("50.00");

    static GroundTruth truth;
    /** Per credit (bank reference) and invoice: the amount applied as it stands at the end. */
    static final Map<String, BigDecimal> applied = new HashMap<>();

    @BeforeAll
    static void matchTheDefaultCompanysCredits() throws Exception {
        GeneratedCompany company = CompanyGenerator.generate(CompanyProfile.defaults());
        truth = company.groundTruth();
        // event time is the Kafka record's, as in the job: a change's commit, a notification's creation
        List<Tuple2<Long, CrmChange>> crm = new ArrayList<>();
        List<Tuple2<Long, BankTransaction>> bank = new ArrayList<>();
        for (WireRecord r : WireFormats.records(company, false, false)) {
            KafkaRecord record = new KafkaRecord(r.topic(), 0, 0, r.timestamp(), r.key(), r.value());
            try {
                if (r.topic().startsWith("crm.")) {
                    Parsers.crm(record).forEach(c -> crm.add(Tuple2.of(r.timestamp(), c)));
                } else if (r.topic().equals(WireFormats.BANK_TOPIC)) {
                    Parsers.bank(record).forEach(t -> bank.add(Tuple2.of(r.timestamp(), t)));
                }
            } catch (RejectedInput malformed) {
                // the generator's deliberately malformed payloads: the ingest tests account for them
            }
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<CrmChange> changes = env.fromData(crm, TypeInformation.of(new TypeHint<Tuple2<Long, CrmChange>>() { }))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<Long, CrmChange>>forBoundedOutOfOrderness(
                        Duration.ofMinutes(5)).withTimestampAssigner((c, ts) -> c.f0))
                .map(c -> c.f1).returns(CrmChange.class);
        DataStream<BankTransaction> credits = env.fromData(bank, TypeInformation.of(new TypeHint<Tuple2<Long, BankTransaction>>() { }))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<Long, BankTransaction>>forBoundedOutOfOrderness(
                        Duration.ofMinutes(5)).withTimestampAssigner((t, ts) -> t.f0))
                .map(t -> t.f1).returns(BankTransaction.class);
        // Matching is one task per currency, so each allocation's versions come out in order: the last one stands.
        try (CloseableIterator<PaymentAllocation> out = PaymentMatching.compute(changes, credits, MatchingSettings.load())
                .allocations().executeAndCollect("payment matching on the default company")) {
            out.forEachRemaining(a -> applied.put(a.bankReference() + "/" + a.invoiceId(), a.amount()));
        }
    }

    @Test
    void everyCreditIsAppliedToExactlyTheInvoicesItPaidAndNothingElse() {
        Map<String, Set<Long>> expected = new HashMap<>();
        truth.paymentAllocations().forEach(a ->
                expected.computeIfAbsent(a.bankReference(), r -> new TreeSet<>()).add(a.invoiceId()));
        Map<String, Set<Long>> actual = new HashMap<>();
        applied.forEach((key, amount) -> {
            if (amount.signum() > 0) {
                String[] parts = key.split("/");
                actual.computeIfAbsent(parts[0], r -> new TreeSet<>()).add(Long.parseLong(parts[1]));
            }
        });

        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void theAmountsAppliedAreThePaymentsUpToTheBankFee() {
        Map<String, BigDecimal> expected = new HashMap<>();
        truth.paymentAllocations().forEach(a ->
                expected.merge(a.bankReference() + "/" + a.invoiceId(), a.amount(), BigDecimal::add));
        expected.forEach((key, amount) -> assertThat(applied.get(key).subtract(amount).abs()).as(key)
                .isLessThanOrEqualTo(FEE_TOLERANCE));
    }
}
