package org.salesops.pipelines.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.matching.Company.SHUNDA;
import static org.salesops.pipelines.matching.Company.contract;
import static org.salesops.pipelines.matching.Company.credit;
import static org.salesops.pipelines.matching.Company.decision;
import static org.salesops.pipelines.matching.Company.hengxin;
import static org.salesops.pipelines.matching.Company.invoice;
import static org.salesops.pipelines.matching.Company.shunda;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.salesops.pipelines.bank.BankTransaction;
import org.salesops.pipelines.crm.CrmChange;

/** The whole wiring on a MiniCluster at parallelism 2: CRM changes and bank transactions in, the four tables out. */
class PaymentMatchingTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static List<CrmChange> crm() {
        return List.of(shunda(0), hengxin(0), contract(840001L, SHUNDA, "HT-2026-00123", "100000.00", "0.0500", 0),
                invoice(850001L, 840001L, SHUNDA, "INV-2026-004512", "30000.00", 1),
                invoice(850002L, 840001L, SHUNDA, "INV-2026-004513", "70000.00", 2),
                decision(880001L, "B3", 850002L, "confirm", 30));
    }

    static List<BankTransaction> bank() {
        return List.of(credit("B1", "29975.00", 10).payer("佛山市顺达建材有限公司", null).memo("付INV2026004512发票款").build(),
                credit("B1", "29975.00", 10).key("B1/1").payer("佛山市顺达建材有限公司", null).memo("付INV2026004512发票款").build(),
                credit("B3", "70000.00", 20).payer("某贸易商行", "6217000099998888").memo("往来款").build(),
                credit("B4", "1200.00", 21).payer("招商银行股份有限公司深圳分行", null).memo("结息").code("ACMT/MDOP/INTR").build());
    }

    static <T> List<T> drain(CloseableIterator<T> it) throws Exception {
        List<T> all = new ArrayList<>();
        it.forEachRemaining(all::add);
        it.close();
        return all;
    }

    /** The last row written per key: what the upsert sink leaves in the table. */
    static <T, K> Map<K, T> latest(List<T> rows, Function<T, K> key) {
        return rows.stream().collect(Collectors.toMap(key, r -> r, (a, b) -> b));
    }

    @Test
    void matchesBankTransactionsAgainstTheCrmsInvoices() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<CrmChange> crm = env.fromData(crm(), TypeInformation.of(CrmChange.class))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<CrmChange>forBoundedOutOfOrderness(Duration.ofMinutes(5))
                        .withTimestampAssigner((c, ts) -> c.committedAt().toEpochMilli()));
        DataStream<BankTransaction> bank = env.fromData(bank(), TypeInformation.of(BankTransaction.class))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<BankTransaction>forBoundedOutOfOrderness(Duration.ofMinutes(5))
                        .withTimestampAssigner((t, ts) -> t.bookedAt().toEpochMilli()));

        PaymentMatching.Streams streams = PaymentMatching.compute(crm, bank, MatchingSettings.load());
        CloseableIterator<PaymentMatch> matches = streams.matches().collectAsync();
        CloseableIterator<PaymentAllocation> allocations = streams.allocations().collectAsync();
        CloseableIterator<InvoiceBalance> balances = streams.balances().collectAsync();
        CloseableIterator<CommissionEntry> commission = streams.commission().collectAsync();
        env.execute("payment matching test");

        Map<String, PaymentMatch> results = latest(drain(matches), m -> m.payment.transactionKey);
        assertThat(results.get("B1").status).isEqualTo(PaymentMatch.AUTO_MATCHED);
        assertThat(results.get("B1").amountFit).isEqualTo("within_fee");
        assertThat(results.get("B1/1").status).isEqualTo(PaymentMatch.DUPLICATE);
        assertThat(results.get("B3").status).isEqualTo(PaymentMatch.CONFIRMED);
        assertThat(results.get("B4").status).isEqualTo(PaymentMatch.NOT_A_CUSTOMER_PAYMENT);

        assertThat(latest(drain(allocations), a -> a.transactionKey() + ":" + a.invoiceNo()).values())
                .extracting(a -> a.transactionKey() + " " + a.invoiceNo() + " " + Money.text(a.amount()) + " " + a.status())
                .containsExactlyInAnyOrder("B1 INV-2026-004512 30000.00 applied", "B3 INV-2026-004513 70000.00 confirmed");
        assertThat(latest(drain(balances), b -> b.invoiceId).values()).extracting(b -> b.invoiceNo + " " + b.status)
                .containsExactlyInAnyOrder("INV-2026-004512 paid", "INV-2026-004513 paid");
        assertThat(drain(commission)).extracting(e -> e.milestone + " " + Money.text(e.amount) + " " + e.trigger)
                .containsExactly("first_payment 2500.00 B1", "paid_in_full 2500.00 B3");
    }
}
