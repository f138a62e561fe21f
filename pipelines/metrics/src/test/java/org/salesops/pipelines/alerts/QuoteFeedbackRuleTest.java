package org.salesops.pipelines.alerts;

import org.salesops.pipelines.crm.CrmRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.crm.CrmRow.created;
import static org.salesops.pipelines.crm.CrmRow.row;
import static org.salesops.pipelines.crm.CrmRow.updated;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuoteFeedbackRuleTest {

    static final long QUOTE = 5L;
    static final long OWNER = 7L;
    static final Instant DRAFTED = Instant.parse("2026-03-02T01:00:00Z");
    static final Instant SENT = Instant.parse("2026-03-02T03:00:00Z");
    static final long HOUR = 3600_000L;

    final QuoteFeedbackRule rule = new QuoteFeedbackRule();
    AlertHarness harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new AlertHarness();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    static CrmRow draft() {
        return row().with("id", QUOTE).with("opportunity_id", 9L).with("owner_id", OWNER)
                .with("amount", new BigDecimal("128000.00")).with("currency", "CNY").with("status", "draft")
                .with("sent_at", null).with("feedback_type", null).with("feedback_at", null)
                .with("updated_at", DRAFTED);
    }

    static CrmRow sent() {
        return draft().with("status", "sent").with("sent_at", SENT).with("updated_at", SENT);
    }

    @Test
    void aSentQuoteAwaitsFeedbackFor24Hours() {
        SilenceEvent watch = rule.events(updated("quotes", draft(), sent(), SENT)).get(0);

        assertThat(watch.kind).isEqualTo(SilenceEvent.WATCH);
        assertThat(watch.silenceStart).isEqualTo(SENT.toEpochMilli());
        assertThat(watch.deadline).isEqualTo(SENT.toEpochMilli() + 24 * HOUR);
        assertThat(watch.escalateAt).isEqualTo(SENT.toEpochMilli() + 48 * HOUR);
        assertThat(watch.ownerId).isEqualTo(OWNER);
        assertThat(watch.message).contains("Quote feedback missing").contains("128000.00 CNY");
    }

    @Test
    void draftsFeedbackAndDecisionsAwaitNothing() {
        SilenceEvent stop = SilenceEvent.stop("quote_feedback_missing", QUOTE);
        assertThat(rule.events(created("quotes", draft(), DRAFTED))).containsExactly(stop);
        assertThat(rule.events(updated("quotes", sent(), sent().with("feedback_type", "price_objection"), SENT)))
                .containsExactly(stop);
        assertThat(rule.events(updated("quotes", sent(), sent().with("status", "accepted"), SENT)))
                .containsExactly(stop);
        assertThat(rule.events(CrmRow.deleted("quotes", sent(), SENT))).containsExactly(stop);
    }

    @Test
    void feedbackWithin24HoursRaisesNothing() throws Exception {
        harness.send(created("quotes", draft(), DRAFTED));
        harness.send(updated("quotes", draft(), sent(), SENT));
        Instant feedback = SENT.plusSeconds(20 * 3600);
        harness.send(updated("quotes", sent(), sent().with("feedback_type", "feature_doubt")
                .with("feedback_at", feedback).with("updated_at", feedback), feedback));
        harness.endOfInput();

        assertThat(harness.alerts()).isEmpty();
        harness.assertNothingLeaks();
    }

    @Test
    void missingFeedbackAlertsAtOneDayAndResolvesWhenItComes() throws Exception {
        harness.send(updated("quotes", draft(), sent(), SENT));
        harness.send(updated("quotes", draft(), sent(), SENT));   // re-delivered
        harness.watermark(SENT.toEpochMilli() + 24 * HOUR - 1);
        assertThat(harness.alerts()).isEmpty();
        harness.watermark(SENT.toEpochMilli() + 24 * HOUR);
        Alert open = Alert.open("quote_feedback_missing", "quote", QUOTE, OWNER, SENT.toEpochMilli(),
                SENT.toEpochMilli() + 24 * HOUR, rule.events(created("quotes", sent(), SENT)).get(0).message);
        assertThat(harness.alerts()).containsExactly(open);

        Instant feedback = SENT.plusSeconds(30 * 3600);
        harness.send(updated("quotes", sent(), sent().with("feedback_type", "price_objection")
                .with("feedback_at", feedback).with("updated_at", feedback), feedback));
        harness.endOfInput();
        assertThat(harness.alerts()).containsExactly(open, open.resolved(feedback.toEpochMilli()));
        harness.assertNothingLeaks();
    }
}
