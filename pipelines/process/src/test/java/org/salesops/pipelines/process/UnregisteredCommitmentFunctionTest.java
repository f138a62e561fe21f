package org.salesops.pipelines.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.process.Crm.activity;
import static org.salesops.pipelines.process.Crm.at;
import static org.salesops.pipelines.process.Crm.commitment;
import static org.salesops.pipelines.process.Crm.create;
import static org.salesops.pipelines.process.Crm.delete;
import static org.salesops.pipelines.process.Crm.update;

import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.crm.CrmChange;

class UnregisteredCommitmentFunctionTest {

    static final ProcessSettings SETTINGS = ProcessSettings.defaults();
    static final CommitmentLanguage LANGUAGE = CommitmentLanguage.load();
    static final long CUSTOMER = 300L;
    static final String PROMISE = "电话沟通了使用场景。我下周三前把方案发给您。";

    KeyedTwoInputStreamOperatorTestHarness<Long, PromiseSignal, Registration, UnregisteredCommitment> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new UnregisteredCommitmentFunction(SETTINGS),
                p -> p.customerId, r -> r.customerId, Types.LONG);
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    /** A follow-up with a promise, on Monday 09:00 Shanghai (hour 0), logged half an hour later. */
    static Map<String, Object> promising(long id) {
        return activity(id, 7, CUSTOMER, 0, 2, null, null, PROMISE);
    }

    void send(CrmChange change) throws Exception {
        long ts = change.committedAt().toEpochMilli();
        if (change.table().equals("activities")) {
            for (PromiseSignal s : PromiseSignal.of(change, LANGUAGE)) {
                harness.processElement1(s, ts);
            }
        } else {
            harness.processElement2(Registration.of(change), ts);
        }
    }

    void watermark(long at) throws Exception {
        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(at));
    }

    List<String> rows() {
        return harness.extractOutputValues().stream().map(u -> u.activityId + ":" + u.status).toList();
    }

    @Test
    void aPromiseWithNoRegistrationIsReportedAtTheDeadline() throws Exception {
        send(create("activities", promising(1), 0.5));
        watermark(at(24) - 1);
        assertThat(rows()).isEmpty();
        watermark(at(24));

        assertThat(harness.extractOutputValues()).singleElement().satisfies(u -> {
            assertThat(u.phrase).isEqualTo("下周三前");
            assertThat(u.toRow()).containsEntry("registration_deadline", Crm.instant(24))
                    .containsEntry("status", "unregistered").containsEntry("owner_id", 7L)
                    .containsEntry("customer_id", CUSTOMER);
        });
        watermark(Long.MAX_VALUE);
        HarnessState.assertNothingLeaks(harness);
    }

    @Test
    void aRegistrationWithin24HoursOrEarlierThatDayCounts() throws Exception {
        // follow-up 1 registered 20 h later; follow-up 2 (another day) registered at 08:00 before the 10:00 call
        send(create("activities", promising(1), 0.5));
        send(create("commitments", commitment(11, CUSTOMER, 20, 100, "open", null), 20));
        send(create("activities", activity(2, 7, CUSTOMER, 49, 1, null, null, "样品我这周五前给您寄过去"), 49.5));
        send(create("commitments", commitment(12, CUSTOMER, 47, 100, "open", null), 47));
        watermark(Long.MAX_VALUE);

        assertThat(rows()).isEmpty();
        HarnessState.assertNothingLeaks(harness);
    }

    @Test
    void aRegistrationAfter24HoursOrOnThePreviousDayDoesNot() throws Exception {
        // Monday 09:00 promise; registrations Sunday 23:00 (Shanghai) and Tuesday 10:00 (25 h later)
        send(create("commitments", commitment(10, CUSTOMER, -10, 100, "open", null), -10));
        send(create("activities", promising(1), 0.5));
        send(create("commitments", commitment(11, CUSTOMER, 25, 100, "open", null), 25));
        // another customer's registration never counts
        send(create("commitments", commitment(12, 301L, 2, 100, "open", null), 2));
        watermark(Long.MAX_VALUE);

        assertThat(rows()).containsExactly("1:unregistered");
    }

    @Test
    void sameResultOutOfOrderAndWithDuplicates() throws Exception {
        CrmChange registration = create("commitments", commitment(11, CUSTOMER, 3, 100, "open", null), 3);
        CrmChange followUp = create("activities", promising(1), 0.5);
        send(registration);
        send(followUp);
        send(registration);
        send(followUp);
        watermark(Long.MAX_VALUE);

        assertThat(rows()).isEmpty();
        HarnessState.assertNothingLeaks(harness);
    }

    @Test
    void factsKnownAfterTheDecisionWithdrawTheRow() throws Exception {
        // a registration made in time but delivered late (the snapshot): the row is withdrawn
        send(create("activities", promising(1), 0.5));
        watermark(at(30));
        harness.processElement2(Registration.of(create("commitments", commitment(11, CUSTOMER, 5, 100, "open", null), 5)), at(31));
        watermark(at(31));
        // notes edited to drop the promise, after the decision
        send(create("activities", activity(2, 7, CUSTOMER, 48, 1, null, null, "我会把资料发给您"), 48.2));
        watermark(at(73));
        Map<String, Object> before = activity(2, 7, CUSTOMER, 48, 1, null, null, "我会把资料发给您");
        send(update("activities", before, activity(2, 7, CUSTOMER, 48, 1, null, null, "已发资料"), 74));
        // a follow-up deleted after the decision
        send(create("activities", activity(3, 7, CUSTOMER, 96, 1, null, null, "I will call back tomorrow"), 96.5));
        watermark(at(121));
        send(delete("activities", activity(3, 7, CUSTOMER, 96, 1, null, null, "I will call back tomorrow"), 122));
        watermark(Long.MAX_VALUE);

        assertThat(rows()).containsExactly("1:unregistered", "1:withdrawn", "2:unregistered", "2:withdrawn",
                "3:unregistered", "3:withdrawn");
        HarnessState.assertNothingLeaks(harness);
    }

    @Test
    void theDayStartsAtMidnightInShanghai() throws Exception {
        // promise Monday 00:30 Shanghai (Sunday 16:30 UTC); registration Sunday 23:50 Shanghai does not count,
        // one Monday 00:10 Shanghai does (before the call, the same Shanghai day)
        send(create("activities", activity(1, 7, CUSTOMER, -8.5, 1, null, null, PROMISE), -8));
        send(create("commitments", commitment(11, CUSTOMER, -9 - 1 / 6.0, 100, "open", null), -9));
        watermark(Long.MAX_VALUE);
        assertThat(rows()).containsExactly("1:unregistered");

        tearDown();
        setUp();
        send(create("activities", activity(1, 7, CUSTOMER, -8.5, 1, null, null, PROMISE), -8));
        send(create("commitments", commitment(11, CUSTOMER, -8 - 50 / 60.0, 100, "open", null), -8.8));
        watermark(Long.MAX_VALUE);
        assertThat(rows()).isEmpty();
    }
}
