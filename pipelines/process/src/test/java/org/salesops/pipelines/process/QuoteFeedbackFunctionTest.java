package org.salesops.pipelines.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.process.Crm.at;
import static org.salesops.pipelines.process.Crm.create;
import static org.salesops.pipelines.process.Crm.opportunity;
import static org.salesops.pipelines.process.Crm.quote;
import static org.salesops.pipelines.process.Crm.update;

import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.crm.CrmChange;

class QuoteFeedbackFunctionTest {

    static final ProcessSettings SETTINGS = ProcessSettings.defaults();
    static final long OPPORTUNITY = 900L;

    KeyedTwoInputStreamOperatorTestHarness<Long, QuoteChange, StageAdvance, QuoteFeedback> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new QuoteFeedbackFunction(SETTINGS),
                q -> q.opportunityId, a -> a.opportunityId, Types.LONG);
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    void send(CrmChange change) throws Exception {
        long ts = change.committedAt().toEpochMilli();
        if (change.table().equals("quotes")) {
            harness.processElement1(QuoteChange.of(change), ts);
        } else {
            StageAdvance advance = StageAdvance.of(change);
            if (advance != null) {
                harness.processElement2(advance, ts);
            }
        }
    }

    void watermark(long at) throws Exception {
        harness.processBothWatermarks(new Watermark(at));
    }

    CrmChange advance(String from, String to, double hours) {
        return update("opportunities", opportunity(OPPORTUNITY, from), opportunity(OPPORTUNITY, to), hours);
    }

    List<String> rows() {
        return harness.extractOutputValues().stream().map(q -> q.quoteId + ":" + q.feedbackInTime + ":"
                + (q.violation ? "violation@" + (q.stageAdvancedAt - at(0)) / Crm.HOUR + "h" : "ok")).toList();
    }

    @Test
    void feedbackWithin24HoursMeetsTheRule() throws Exception {
        Map<String, Object> sent = quote(1, OPPORTUNITY, 0.0, null, null);
        send(create("quotes", sent, 0));
        watermark(at(1));
        send(update("quotes", sent, quote(1, OPPORTUNITY, 0.0, "price_objection", 5.0), 5));
        send(advance("quote", "negotiation", 30));
        watermark(Long.MAX_VALUE);

        assertThat(rows()).containsExactly("1:null:ok", "1:true:ok");
        assertThat(harness.extractOutputValues().get(1).toRow()).containsEntry("feedback_type", "price_objection")
                .containsEntry("feedback_hours", 5.0).containsEntry("feedback_within_window", true);
        HarnessState.assertNothingLeaks(harness);
    }

    @Test
    void missingFeedbackIsDecidedAtTheDeadlineAndLateFeedbackStaysLate() throws Exception {
        Map<String, Object> sent = quote(1, OPPORTUNITY, 0.0, null, null);
        send(create("quotes", sent, 0));
        watermark(at(24) - 1);
        assertThat(rows()).containsExactly("1:null:ok");
        watermark(at(24));
        assertThat(rows()).containsExactly("1:null:ok", "1:false:ok");
        send(update("quotes", sent, quote(1, OPPORTUNITY, 0.0, "feature_doubt", 30.0), 30));
        watermark(Long.MAX_VALUE);

        assertThat(rows()).containsExactly("1:null:ok", "1:false:ok", "1:false:ok");
        assertThat(harness.extractOutputValues().get(2).feedbackHours()).isEqualTo(30.0);
        HarnessState.assertNothingLeaks(harness);
    }

    @Test
    void advancingTheStageBeforeFeedbackIsAViolationWhicheverArrivesFirst() throws Exception {
        // the stage change is delivered before the quote change that preceded it
        send(advance("quote", "negotiation", 10));
        Map<String, Object> sent = quote(1, OPPORTUNITY, 2.0, null, null);
        send(create("quotes", sent, 2));
        send(update("quotes", sent, quote(1, OPPORTUNITY, 2.0, "accepted", 20.0), 20));
        send(create("quotes", quote(2, OPPORTUNITY, 12.0, "price_objection", 14.0), 14));   // sent after the advance
        watermark(Long.MAX_VALUE);

        List<QuoteFeedback> out = harness.extractOutputValues();
        QuoteFeedback first = out.stream().filter(q -> q.quoteId == 1).reduce((a, b) -> b).orElseThrow();
        assertThat(first.violation).isTrue();
        assertThat(first.advancedToStage).isEqualTo("negotiation");
        assertThat(first.stageAdvancedAt).isEqualTo(at(10));
        assertThat(first.feedbackInTime).isTrue();
        QuoteFeedback second = out.stream().filter(q -> q.quoteId == 2).reduce((a, b) -> b).orElseThrow();
        assertThat(second.violation).isFalse();
        HarnessState.assertNothingLeaks(harness);
    }

    @Test
    void stepsBackwardAndLossesAreNotAdvances() {
        assertThat(StageAdvance.of(advance("negotiation", "quote", 1))).isNull();
        assertThat(StageAdvance.of(advance("quote", "lost", 1))).isNull();
        assertThat(StageAdvance.of(advance("needs_analysis", "solution", 1))).isNull();
        assertThat(StageAdvance.of(advance("negotiation", "contract", 1))).isNotNull();
    }

    @Test
    void duplicatesChangeNothingAndDraftsWriteNoRow() throws Exception {
        CrmChange draft = create("quotes", quote(1, OPPORTUNITY, null, null, null), 0);
        CrmChange sent = update("quotes", quote(1, OPPORTUNITY, null, null, null), quote(1, OPPORTUNITY, 1.0, null, null), 1);
        CrmChange stage = advance("quote", "contract", 30);
        send(draft);
        send(sent);
        watermark(at(2));
        send(sent);
        send(draft);
        watermark(at(29));
        send(stage);
        send(stage);
        watermark(Long.MAX_VALUE);

        assertThat(rows()).containsExactly("1:null:ok", "1:false:ok", "1:false:violation@30h");
        HarnessState.assertNothingLeaks(harness);
    }

    @Test
    void withoutFeedbackAtTheCommitThatRecordedTheTypeCounts() throws Exception {
        Map<String, Object> sent = quote(1, OPPORTUNITY, 0.0, null, null);
        send(create("quotes", sent, 0));
        send(update("quotes", sent, quote(1, OPPORTUNITY, 0.0, "decision_chain_unclear", null), 6));
        watermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues().get(harness.extractOutputValues().size() - 1).feedbackAt).isEqualTo(at(6));
    }
}
