package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salesops.jobs.generator.GeneratedCompany;

/**
 * The weekly review picks and their timelines on the real Trino, checked against the generated company as it
 * stood at each meeting: the picks are reproducible and among the team's high-value open opportunities, and each
 * timeline holds every step the CRM shows for the pick up to the meeting, in order.
 */
class ReviewPicksOnTrinoTest {

    record Pick(String week, Instant reviewAt, long teamId, long rank, long opportunityId, Long leadId, BigDecimal amount,
                long candidates) {
    }

    static Connection trino;
    static GeneratedCompany company;
    static List<Pick> picks;

    @BeforeAll
    static void theCompanyOnTheStack() throws Exception {
        CompanyOnTheStack run = CompanyOnTheStack.get();
        trino = run.trino;
        company = run.company;
        picks = picks();
    }

    static List<Pick> picks() throws SQLException {
        List<Pick> found = new ArrayList<>();
        try (Statement s = trino.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT CAST(week_start AS varchar), review_at, team_id, pick_rank, opportunity_id, lead_id, amount, candidates
                FROM gold.review_picks ORDER BY week_start, team_id, pick_rank""")) {
            while (rs.next()) {
                found.add(new Pick(rs.getString(1), EndToEndTest.instant(rs, 2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        (Long) rs.getObject(6), rs.getBigDecimal(7), rs.getLong(8)));
            }
        }
        return found;
    }

    @Test
    void aFridayMeetingPicksThreePerTeamAndTheSameEachTime() throws SQLException {
        assertThat(picks).isNotEmpty();
        assertThat(picks).allSatisfy(p -> assertThat(p.reviewAt().atZone(TodayListOnTrinoTest.SHANGHAI).getDayOfWeek())
                .isEqualTo(java.time.DayOfWeek.FRIDAY));
        Map<String, Long> perTeam = new HashMap<>();
        picks.forEach(p -> perTeam.merge(p.week() + "/" + p.teamId(), 1L, Long::sum));
        assertThat(perTeam).as("three teams, three picks each").hasSize(3).allSatisfy((team, n) -> assertThat(n).isEqualTo(3));

        TrinoViews.createAll(trino);
        assertThat(picks()).as("drawn again after the views are recreated").isEqualTo(picks);
    }

    @Test
    void eachPickIsAHighValueOpportunityOpenAtTheMeeting() {
        for (Pick pick : picks) {
            CrmAsOf crm = new CrmAsOf(company.crmChanges(), pick.reviewAt());
            List<BigDecimal> teamPipeline = new ArrayList<>();
            for (Map<String, Object> o : crm.rows("opportunities")) {
                Map<String, Object> owner = crm.row("users", (Long) o.get("owner_id"));
                if (!Set.of("won", "lost").contains(o.get("stage")) && o.get("amount") != null && owner != null
                        && Long.valueOf(pick.teamId()).equals(owner.get("team_id"))) {
                    teamPipeline.add((BigDecimal) o.get("amount"));
                }
            }
            Map<String, Object> picked = crm.row("opportunities", pick.opportunityId());
            assertThat(picked).as("open at the meeting").isNotNull();
            assertThat(Set.of("won", "lost")).doesNotContain((String) picked.get("stage"));
            assertThat(pick.amount()).isEqualByComparingTo((BigDecimal) picked.get("amount"));
            long below = teamPipeline.stream().filter(a -> a.compareTo(pick.amount()) < 0).count();
            assertThat((double) below / Math.max(1, teamPipeline.size() - 1)).as("percent rank of %s", pick)
                    .isGreaterThanOrEqualTo(0.5);
            assertThat(pick.candidates()).isLessThanOrEqualTo(teamPipeline.size());
        }
    }

    @Test
    void eachTimelineHoldsEveryFollowUpQuoteAndStageChangeUpToTheMeetingInOrder() throws SQLException {
        for (Pick pick : picks) {
            List<String> kinds = new ArrayList<>();
            Set<String> records = new HashSet<>();
            Instant previous = Instant.MIN;
            long expectedSeq = 1;
            try (Statement s = trino.createStatement(); ResultSet rs = s.executeQuery(String.format("""
                    SELECT seq, event_at, kind, record_id FROM gold.review_timelines
                    WHERE week_start = DATE '%s' AND team_id = %d AND opportunity_id = %d
                    ORDER BY seq""", pick.week(), pick.teamId(), pick.opportunityId()))) {
                while (rs.next()) {
                    assertThat(rs.getLong(1)).as("steps numbered from 1").isEqualTo(expectedSeq++);
                    Instant at = EndToEndTest.instant(rs, 2);
                    assertThat(at).as("in order").isAfterOrEqualTo(previous).isBeforeOrEqualTo(pick.reviewAt());
                    previous = at;
                    kinds.add(rs.getString(3));
                    records.add(rs.getString(4));
                }
            }
            CrmAsOf now = new CrmAsOf(company.crmChanges(), Instant.MAX);
            Set<String> expected = new HashSet<>();
            for (Map<String, Object> a : now.rows("activities")) {
                boolean onIt = Long.valueOf(pick.opportunityId()).equals(a.get("opportunity_id"))
                        || (pick.leadId() != null && pick.leadId().equals(a.get("lead_id")));
                if (onIt && !((Instant) a.get("occurred_at")).isAfter(pick.reviewAt())) {
                    expected.add("activity:" + a.get("id"));
                }
            }
            for (Map<String, Object> q : now.rows("quotes")) {
                if (Long.valueOf(pick.opportunityId()).equals(q.get("opportunity_id")) && q.get("sent_at") != null
                        && !((Instant) q.get("sent_at")).isAfter(pick.reviewAt())) {
                    expected.add("quote:" + q.get("id"));
                }
            }
            expected.add("opportunity:" + pick.opportunityId());
            assertThat(records).as("timeline of %s", pick).containsAll(expected);
            assertThat(kinds).as("timeline of %s", pick).contains("stage_change", "follow_up");
        }
    }
}
