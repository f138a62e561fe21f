package org.salesops.pipelines.alerts;

import org.salesops.pipelines.crm.CrmRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.crm.CrmRow.created;
import static org.salesops.pipelines.crm.CrmRow.row;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.crm.CrmChange;

class AlertRulesTest {

    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    final AlertRules rules = AlertRules.all(WorkingCalendar.china());

    @Test
    void eachTableReachesItsRule() {
        assertThat(rules.apply(created("commitments", CommitmentOverdueRuleTest.commitment(), T0)))
                .extracting(e -> e.rule).containsExactly("commitment_overdue");
        assertThat(rules.apply(created("quotes", QuoteFeedbackRuleTest.sent(), T0)))
                .extracting(e -> e.rule).containsExactly("quote_feedback_missing");
        assertThat(rules.apply(created("opportunities", StageDwellRuleTest.opportunity("quote", T0), T0)))
                .extracting(e -> e.rule).containsExactly("stage_dwell");
        assertThat(rules.apply(created("activities", StageDwellRuleTest.activity(9L, T0), T0)))
                .extracting(e -> e.kind).containsExactly(SilenceEvent.TOUCH);
        assertThat(rules.apply(created("collab_tasks",
                CollabTaskDwellRuleTest.presalesTask("2026-03-06T15:00", "open", new BigDecimal("2.0")), T0)))
                .extracting(e -> e.rule).containsExactly("collab_task_dwell");
        assertThat(rules.apply(created("leads", row().with("id", 1L), T0))).isEmpty();
    }

    @Test
    void survivesJavaSerialisationAsTheJobShipsIt() throws Exception {
        AlertRules copy = InstantiationUtil.clone(rules);
        CrmChange change = created("collab_tasks",
                CollabTaskDwellRuleTest.presalesTask("2026-02-13T10:00", "open", new BigDecimal("2.0")), T0);

        List<SilenceEvent> events = copy.apply(change);
        assertThat(events).isEqualTo(rules.apply(change));
    }
}
