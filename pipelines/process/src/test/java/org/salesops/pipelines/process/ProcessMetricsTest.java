package org.salesops.pipelines.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.process.Crm.activity;
import static org.salesops.pipelines.process.Crm.commitment;
import static org.salesops.pipelines.process.Crm.create;
import static org.salesops.pipelines.process.Crm.opportunity;
import static org.salesops.pipelines.process.Crm.quote;
import static org.salesops.pipelines.process.Crm.update;

import java.time.Duration;
import java.time.LocalDate;
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
import org.salesops.pipelines.crm.CrmChange;

/** The whole wiring on a MiniCluster at parallelism 2, over a small hand-made CRM history. */
class ProcessMetricsTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static List<CrmChange> history() {
        List<CrmChange> h = new ArrayList<>();
        // rep 7, Monday: two follow-ups; the second promises something nobody registers
        h.add(create("activities", activity(1, 7, 300L, 0, 4, "budget_confirmed;purchase_time_confirmed",
                "客户说:预算80万", "预算大概80万。"), 0.2));
        h.add(create("activities", activity(2, 7, 301L, 3, 2, null, null, "我下周三前把方案发给您。"), 3.2));
        // a promise to customer 300 registered 2 hours later: not unregistered
        h.add(create("activities", activity(3, 7, 300L, 5, null, "tech_owner_involved", null, "明天我给您发报价"), 5.1));
        h.add(create("commitments", commitment(1, 300, 7, 30, "open", null), 7));
        // a commitment due at 48 h never fulfilled: overdue; another (customer 302) fulfilled on time
        h.add(create("commitments", commitment(2, 300, 8, 48, "open", null), 8));
        Map<String, Object> third = commitment(3, 302, 8, 48, "open", null);
        h.add(create("commitments", third, 8));
        h.add(update("commitments", third, commitment(3, 302, 8, 48, "fulfilled", 20.0), 20));
        // a quote sent at 10 h; the opportunity advances at 12 h; feedback at 14 h: violation, in time
        Map<String, Object> sent = quote(1, 900, 10.0, null, null);
        h.add(create("quotes", sent, 10));
        h.add(update("opportunities", opportunity(900, "quote"), opportunity(900, "negotiation"), 12));
        h.add(update("quotes", sent, quote(1, 900, 10.0, "price_objection", 14.0), 14));
        // a late re-delivery of the first follow-up and an unrelated table
        h.add(create("activities", activity(1, 7, 300L, 0, 4, "budget_confirmed;purchase_time_confirmed",
                "客户说:预算80万", "预算大概80万。"), 0.2));
        h.add(create("teams", Crm.row("id", 1L, "name", "华东一组"), 0.1));
        // time moves on (another rep's follow-up days later) so every deadline passes
        h.add(create("activities", activity(9, 8, null, 100, 1, null, null, "跟进"), 100));
        return h;
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
    void computesEveryTableFromTheCrmChanges() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<CrmChange> crm = env.fromData(history(), TypeInformation.of(CrmChange.class))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<CrmChange>forBoundedOutOfOrderness(Duration.ofMinutes(5))
                        .withTimestampAssigner((c, ts) -> c.committedAt().toEpochMilli()));

        ProcessMetrics.Streams streams = ProcessMetrics.compute(crm, ProcessSettings.defaults());
        CloseableIterator<FollowUpDiscovery> followUps = streams.followUpDiscovery().collectAsync();
        CloseableIterator<DiscoveryDaily> daily = streams.discoveryDaily().collectAsync();
        CloseableIterator<CommitmentLife> commitments = streams.commitments().collectAsync();
        CloseableIterator<UnregisteredCommitment> unregistered = streams.unregisteredCommitments().collectAsync();
        CloseableIterator<QuoteFeedback> feedback = streams.quoteFeedback().collectAsync();
        env.execute("process metrics test");

        List<FollowUpDiscovery> followUpRows = drain(followUps);
        assertThat(followUpRows).extracting(f -> f.activityId).containsExactlyInAnyOrder(1L, 2L, 3L, 9L);

        Map<String, DiscoveryDaily> days = latest(drain(daily), d -> d.repId + "@" + d.day);
        assertThat(days).containsOnlyKeys("7@2026-03-02", "8@2026-03-06");
        DiscoveryDaily monday = days.get("7@2026-03-02");
        assertThat(monday.day).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(monday.followUps).isEqualTo(3);
        assertThat(monday.avgQuestions()).isEqualTo(3.0);               // (4 + 2) / 2 recorded
        assertThat(monday.discoveriesPerFollowUp()).isEqualTo(1.0);     // 3 / 3
        assertThat(monday.evidenceShare()).isEqualTo(0.5);              // 1 of the 2 with discoveries

        Map<Long, CommitmentLife> commitmentRows = latest(drain(commitments), c -> c.commitmentId);
        assertThat(commitmentRows.get(1L).outcome).isEqualTo(CommitmentOutcome.OVERDUE_OPEN);
        assertThat(commitmentRows.get(2L).outcome).isEqualTo(CommitmentOutcome.OVERDUE_OPEN);
        assertThat(commitmentRows.get(3L).outcome).isEqualTo(CommitmentOutcome.FULFILLED_ON_TIME);

        assertThat(drain(unregistered)).extracting(u -> u.activityId + ":" + u.phrase + ":" + u.status)
                .containsExactly("2:下周三前:unregistered");

        QuoteFeedback quote = latest(drain(feedback), q -> q.quoteId).get(1L);
        assertThat(quote.feedbackType).isEqualTo("price_objection");
        assertThat(quote.feedbackInTime).isTrue();
        assertThat(quote.violation).isTrue();
        assertThat(quote.advancedToStage).isEqualTo("negotiation");
    }
}
