package org.salesops.pipelines.alerts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.salesops.pipelines.crm.CrmChange;

/** Every deadline rule over CRM changes, for the job to flat-map the CRM stream into silence events. */
public final class AlertRules implements Function<CrmChange, List<SilenceEvent>>, Serializable {

    private static final long serialVersionUID = 1L;
    private final List<AlertRule> rules;

    private AlertRules(List<AlertRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static AlertRules all(WorkingCalendar calendar) {
        return new AlertRules(List.of(new CommitmentOverdueRule(), new QuoteFeedbackRule(),
                new StageDwellRule(calendar), new CollabTaskDwellRule(calendar)));
    }

    @Override
    public List<SilenceEvent> apply(CrmChange change) {
        List<SilenceEvent> events = new ArrayList<>();
        for (AlertRule rule : rules) {
            events.addAll(rule.events(change));
        }
        return events;
    }
}
