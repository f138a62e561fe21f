package org.salesops.pipelines.alerts;

import org.salesops.pipelines.crm.CrmRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.crm.CrmRow.created;
import static org.salesops.pipelines.crm.CrmRow.row;
import static org.salesops.pipelines.crm.CrmRow.snapshot;
import static org.salesops.pipelines.crm.CrmRow.updated;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StageDwellRuleTest {

    static final long OPPORTUNITY = 9L;
    static final long OWNER = 7L;
    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    static final long HOUR = 3600_000L;

    final StageDwellRule rule = new StageDwellRule(AlertHarness.CALENDAR);
    AlertHarness harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new AlertHarness();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    static Instant at(double hours) {
        return T0.plusMillis((long) (hours * HOUR));
    }

    static CrmRow opportunity(String stage, Instant updatedAt) {
        return row().with("id", OPPORTUNITY).with("lead_id", 1L).with("customer_id", 100L).with("owner_id", OWNER)
                .with("stage", stage).with("amount", null).with("currency", "CNY").with("expected_close_date", null)
                .with("loss_reason", null).with("created_at", T0).with("updated_at", updatedAt);
    }

    static CrmRow activity(Long opportunityId, Instant createdAt) {
        return row().with("id", 77L).with("lead_id", null).with("opportunity_id", opportunityId)
                .with("customer_id", 100L).with("owner_id", OWNER).with("type", "call")
                .with("occurred_at", createdAt.minusSeconds(3600)).with("created_at", createdAt)
                .with("updated_at", createdAt);
    }

    @Test
    void anOpenStageIsWatchedFor48HoursFromTheLastChange() {
        SilenceEvent watch = rule.events(created("opportunities", opportunity("negotiation", at(0)), at(0))).get(0);

        assertThat(watch.kind).isEqualTo(SilenceEvent.WATCH);
        assertThat(watch.key()).isEqualTo("stage_dwell:9");
        assertThat(watch.deadline).isEqualTo(at(48).toEpochMilli());
        assertThat(watch.escalateAt).isEqualTo(at(96).toEpochMilli());
        assertThat(watch.threshold).isEqualTo(Threshold.hours(48));
        assertThat(watch.message).contains("negotiation");
    }

    @Test
    void followUpsTouchWonAndLostStop() {
        assertThat(rule.events(created("activities", activity(OPPORTUNITY, at(5)), at(5))))
                .containsExactly(SilenceEvent.touch("stage_dwell", OPPORTUNITY, at(5).toEpochMilli()));
        assertThat(rule.events(snapshot("activities", activity(OPPORTUNITY, at(5)), at(5)))).hasSize(1);
        assertThat(rule.events(updated("activities", activity(OPPORTUNITY, at(5)), activity(OPPORTUNITY, at(5)),
                at(6)))).isEmpty();
        assertThat(rule.events(created("activities", activity(null, at(5)), at(5)))).isEmpty();
        assertThat(rule.events(updated("opportunities", opportunity("contract", at(0)), opportunity("won", at(9)),
                at(9)))).containsExactly(SilenceEvent.stop("stage_dwell", OPPORTUNITY));
        assertThat(rule.events(updated("opportunities", opportunity("contract", at(0)), opportunity("lost", at(9)),
                at(9)))).containsExactly(SilenceEvent.stop("stage_dwell", OPPORTUNITY));
    }

    @Test
    void aFollowUpRestartsTheSilenceAndTheAlertEscalatesAtTwiceTheThreshold() throws Exception {
        harness.send(created("opportunities", opportunity("solution", at(0)), at(0)));
        harness.send(created("activities", activity(OPPORTUNITY, at(40)), at(40)));

        harness.watermark(at(88).toEpochMilli() - 1);
        assertThat(harness.alerts()).isEmpty();
        harness.watermark(at(88));
        assertThat(harness.alerts()).hasSize(1);
        Alert open = harness.alerts().get(0);
        assertThat(open.alertId).isEqualTo("stage_dwell:opportunity:9:" + at(40).toEpochMilli());
        assertThat(open.dueAt).isEqualTo(at(88).toEpochMilli());

        harness.watermark(at(136));
        assertThat(harness.alerts()).containsExactly(open, open.escalated(at(136).toEpochMilli()));

        harness.send(updated("opportunities", opportunity("solution", at(0)), opportunity("won", at(140)), at(140)));
        harness.endOfInput();
        assertThat(harness.alerts()).containsExactly(open, open.escalated(at(136).toEpochMilli()),
                open.escalated(at(136).toEpochMilli()).resolved(at(140).toEpochMilli()));
        harness.assertNothingLeaks();
    }

    @Test
    void aStageChangeIsAnActionAndTheSameUpdateTwiceIsNot() throws Exception {
        harness.send(created("opportunities", opportunity("solution", at(0)), at(0)));
        harness.watermark(at(50));
        assertThat(harness.alerts()).hasSize(1);

        CrmRow quoted = opportunity("quote", at(60));
        harness.send(updated("opportunities", opportunity("solution", at(0)), quoted, at(60)));
        harness.send(updated("opportunities", opportunity("solution", at(0)), quoted, at(60)));
        harness.watermark(at(108));
        assertThat(harness.alerts()).hasSize(3);
        assertThat(harness.alerts().get(1).resolvedAt).isEqualTo(at(60).toEpochMilli());
        assertThat(harness.alerts().get(2).alertId).isEqualTo("stage_dwell:opportunity:9:" + at(60).toEpochMilli());
        assertThat(harness.alerts().get(2).message).contains("quote");

        harness.send(CrmRow.deleted("opportunities", quoted, at(110)));
        harness.endOfInput();
        assertThat(harness.alerts()).hasSize(4);
        harness.assertNothingLeaks();
    }

    @Test
    void aFollowUpLoggedBeforeTheOpportunityIsKnownDoesNotCount() throws Exception {
        // the activity on an unknown opportunity leaves nothing behind
        harness.send(created("activities", activity(OPPORTUNITY, at(1)), at(1)));
        harness.endOfInput();

        assertThat(harness.alerts()).isEmpty();
        harness.assertNothingLeaks();
    }
}
