package org.salesops.pipelines.process;

import java.util.List;
import java.util.Objects;
import org.salesops.pipelines.crm.CrmChange;

/**
 * An opportunity moving forward into a stage that needs the quote's feedback first (negotiation,
 * contract or won), from an earlier stage. It happened when the CRM committed the change: the
 * stage has no time column of its own, and the commit time cannot be back-dated.
 */
public class StageAdvance {
    /** The funnel in order; lost is not a step forward. */
    static final List<String> STAGES = List.of("qualification", "needs_analysis", "solution", "quote",
            "negotiation", "contract", "won");
    static final List<String> NEEDING_FEEDBACK = List.of("negotiation", "contract", "won");

    public long opportunityId;
    public long at;
    public String fromStage;
    public String toStage;

    public StageAdvance() {
    }

    public StageAdvance(long opportunityId, long at, String fromStage, String toStage) {
        this.opportunityId = opportunityId;
        this.at = at;
        this.fromStage = fromStage;
        this.toStage = toStage;
    }

    /** Null unless the change is an opportunity update advancing into a stage that needs feedback. */
    public static StageAdvance of(CrmChange change) {
        if (!"opportunities".equals(change.table()) || change.before() == null || change.after() == null) {
            return null;
        }
        String from = CrmValues.text(change.before(), "stage");
        String to = CrmValues.text(change.after(), "stage");
        Long id = CrmValues.bigint(change.after(), "id");
        if (id == null || from == null || !NEEDING_FEEDBACK.contains(to) || STAGES.indexOf(to) <= STAGES.indexOf(from)) {
            return null;
        }
        return new StageAdvance(id, change.committedAt().toEpochMilli(), from, to);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StageAdvance s && opportunityId == s.opportunityId && at == s.at
                && Objects.equals(fromStage, s.fromStage) && Objects.equals(toStage, s.toStage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(opportunityId, at, toStage);
    }

    @Override
    public String toString() {
        return "StageAdvance(opportunity " + opportunityId + " " + fromStage + " -> " + toStage + " at "
                + CrmValues.instant(at) + ")";
    }
}
