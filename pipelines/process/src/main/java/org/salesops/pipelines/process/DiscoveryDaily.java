package org.salesops.pipelines.process;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** One row of gold.discovery_daily: one rep's needs-discovery depth on one day (company time zone). */
public class DiscoveryDaily {
    public long repId;
    public LocalDate day;
    public int followUps;
    /** Follow-ups that recorded how many questions were asked. */
    public int followUpsWithQuestionCount;
    public long questionsAsked;
    public int discoveries;
    public int followUpsWithDiscoveries;
    /** Of the follow-ups with discoveries, those backed by an evidence quote. */
    public int followUpsWithEvidence;

    public DiscoveryDaily() {
    }

    public DiscoveryDaily(long repId, LocalDate day) {
        this.repId = repId;
        this.day = day;
    }

    void add(FollowUpDiscovery f) {
        followUps++;
        if (f.questionsAsked != null) {
            followUpsWithQuestionCount++;
            questionsAsked += f.questionsAsked;
        }
        int found = f.discoveryCount();
        discoveries += found;
        if (found > 0) {
            followUpsWithDiscoveries++;
            if (f.evidencePresent) {
                followUpsWithEvidence++;
            }
        }
    }

    /** Average questions per follow-up that recorded a count; null when none did. */
    public Double avgQuestions() {
        return followUpsWithQuestionCount == 0 ? null : (double) questionsAsked / followUpsWithQuestionCount;
    }

    public Double discoveriesPerFollowUp() {
        return followUps == 0 ? null : (double) discoveries / followUps;
    }

    /** Share of the follow-ups with discoveries that carry evidence; null when none had discoveries. */
    public Double evidenceShare() {
        return followUpsWithDiscoveries == 0 ? null : (double) followUpsWithEvidence / followUpsWithDiscoveries;
    }

    public Map<String, Object> toRow() {
        Map<String, Object> row = new HashMap<>();
        row.put("rep_id", repId);
        row.put("day", day);
        row.put("follow_ups", followUps);
        row.put("follow_ups_with_question_count", followUpsWithQuestionCount);
        row.put("questions_asked", questionsAsked);
        row.put("avg_questions", avgQuestions());
        row.put("discoveries", discoveries);
        row.put("discoveries_per_follow_up", discoveriesPerFollowUp());
        row.put("follow_ups_with_discoveries", followUpsWithDiscoveries);
        row.put("evidence_share", evidenceShare());
        return row;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiscoveryDaily d && repId == d.repId && Objects.equals(day, d.day) && followUps == d.followUps
                && followUpsWithQuestionCount == d.followUpsWithQuestionCount && questionsAsked == d.questionsAsked
                && discoveries == d.discoveries && followUpsWithDiscoveries == d.followUpsWithDiscoveries
                && followUpsWithEvidence == d.followUpsWithEvidence;
    }

    @Override
    public int hashCode() {
        return Objects.hash(repId, day, followUps, questionsAsked, discoveries);
    }

    @Override
    public String toString() {
        return "DiscoveryDaily(rep " + repId + " " + day + ": " + followUps + " follow-ups, " + questionsAsked
                + " questions in " + followUpsWithQuestionCount + ", " + discoveries + " discoveries in "
                + followUpsWithDiscoveries + ", " + followUpsWithEvidence + " with evidence)";
    }
}
