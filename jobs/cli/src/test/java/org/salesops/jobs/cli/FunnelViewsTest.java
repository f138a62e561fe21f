package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.jobs.cli.ViewRows.key;
import static org.salesops.jobs.cli.ViewRows.values;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salesops.jobs.cli.ViewRows.Row;

/**
 * The funnel views recomputed by hand from the raw change history, the matching engine's allocations
 * and the current follow-ups, each from its header comment in schemas/views, and required to hold
 * exactly those rows (see {@link SupervisorViewsTest} for the approach).
 */
class FunnelViewsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> STEPS = List.of("lead", "valid_lead", "opportunity", "quote", "contract",
            "first_payment");
    private static final Comparator<Row> CHANGE_ORDER = Comparator.<Row, Instant>comparing(r -> r.at("_committed_at"))
            .thenComparing(r -> r.lng("_lsn"), Comparator.nullsFirst(Comparator.naturalOrder()));

    private static Connection trino;

    @BeforeAll
    static void theSmallCompanyIsOnTheStack() throws Exception {
        trino = CompanyOnTheStack.get().trino;
    }

    @Test
    void funnelStepsAreWhenEachLeadFirstReachedEachStepUpToTheFirstMoneyAppliedToItsContracts() throws Exception {
        Map<List<Object>, List<Object>> expected = funnelSteps();
        // In the small company's few weeks the money for its leads' contracts mostly comes later:
        // first_payment is computed the same way and holds whatever the allocations say.
        assertThat(expected.keySet()).as("some leads reached a quote").anyMatch(k -> k.get(1).equals("quote"));
        ViewRows.assertViewHoldsExactly(trino, "gold.funnel_steps", List.of("lead_id", "step"),
                List.of("step_order", "reached_at", "channel", "owner_id"), expected);
    }

    @Test
    void funnelByChannelMonthCountsEachMonthsNewLeadsByTheStepsTheyReachedAndTheConversions() throws Exception {
        Map<List<Object>, List<Object>> steps = funnelSteps();
        Map<Long, List<Object>> cohort = new HashMap<>(); // lead -> {channel, month}
        steps.forEach((k, v) -> {
            if (k.get(1).equals("lead")) {
                Instant arrived = (Instant) v.get(1);
                cohort.put((Long) k.get(0), List.of(v.get(2), arrived.atZone(SHANGHAI).toLocalDate().withDayOfMonth(1)));
            }
        });
        Map<List<Object>, long[]> counts = new HashMap<>();
        steps.forEach((k, v) -> {
            List<Object> channelMonth = cohort.get((Long) k.get(0));
            if (channelMonth != null) {
                counts.computeIfAbsent(key(channelMonth.get(0), channelMonth.get(1)), x -> new long[STEPS.size()])
                        [STEPS.indexOf((String) k.get(1))]++;
            }
        });
        Map<List<Object>, List<Object>> expected = new HashMap<>();
        counts.forEach((channelMonth, n) -> expected.put(channelMonth, values(n[0], n[1], n[2], n[3], n[4], n[5],
                rate(n[1], n[0]), rate(n[2], n[1]), rate(n[3], n[2]), rate(n[4], n[3]), rate(n[5], n[4]))));
        ViewRows.assertViewHoldsExactly(trino, "gold.funnel_by_channel_month", List.of("channel", "month"),
                List.of("leads", "valid_leads", "opportunities", "quotes", "contracts", "first_payments",
                        "valid_rate", "opportunity_rate", "quote_rate", "contract_rate", "payment_rate"),
                expected);
    }

    @Test
    void lostAtFollowUpCountsTheFollowUpsEachLostOpportunityHadWhenItWasLost() throws Exception {
        Map<Long, List<Row>> lostChanges = new HashMap<>();
        for (Row r : rows("SELECT id, lead_id, owner_id, loss_reason, _committed_at, _lsn FROM raw.crm_opportunities "
                + "WHERE stage = 'lost' AND _op <> 'tombstone'")) {
            lostChanges.computeIfAbsent(r.lng("id"), k -> new java.util.ArrayList<>()).add(r);
        }
        List<Row> followUps = rows("SELECT id, opportunity_id, lead_id, occurred_at FROM crm.activities");
        Map<List<Object>, List<Object>> expected = new HashMap<>();
        lostChanges.forEach((opportunity, changes) -> {
            changes.sort(CHANGE_ORDER);
            Row latest = changes.get(changes.size() - 1);
            Instant lostAt = changes.get(0).at("_committed_at");
            Long lead = latest.lng("lead_id");
            long before = followUps.stream()
                    .filter(a -> opportunity.equals(a.lng("opportunity_id"))
                            || (a.lng("opportunity_id") == null && lead != null && lead.equals(a.lng("lead_id"))))
                    .filter(a -> !a.at("occurred_at").isAfter(lostAt))
                    .count();
            expected.put(key(opportunity), values(lead, latest.lng("owner_id"), latest.str("loss_reason"), lostAt, before));
        });
        assertThat(expected.values()).as("some deals were lost after follow-ups").anyMatch(v -> (Long) v.get(4) >= 3);
        ViewRows.assertViewHoldsExactly(trino, "gold.lost_at_follow_up", List.of("opportunity_id"),
                List.of("lead_id", "owner_id", "loss_reason", "lost_at", "follow_ups_before_loss"), expected);
    }

    /** (lead, step) -> (step order, first reached, the lead's channel, its owner), for leads still on record. */
    private static Map<List<Object>, List<Object>> funnelSteps() throws SQLException {
        Map<Long, Row> leadNow = new HashMap<>();
        Map<Long, Instant> entered = new HashMap<>();
        Map<Long, Instant> valid = new HashMap<>();
        for (Row r : rows("SELECT id, channel, owner_id, status, created_at, _op, _committed_at, _lsn FROM raw.crm_leads "
                + "WHERE _op <> 'tombstone'")) {
            leadNow.merge(r.lng("id"), r, latest());
            if (Set.of("c", "r").contains(r.str("_op"))) {
                entered.merge(r.lng("id"), r.at("created_at"), earliest());
            }
            if (Set.of("valid", "converted").contains(r.str("status"))) {
                valid.merge(r.lng("id"), r.at("_committed_at"), earliest());
            }
        }
        Map<Long, Set<Long>> leadsOfOpportunity = new HashMap<>();
        Map<Long, Instant> opportunity = new HashMap<>();
        for (Row r : rows("SELECT id, lead_id, created_at, _op FROM raw.crm_opportunities "
                + "WHERE lead_id IS NOT NULL AND _op <> 'tombstone'")) {
            leadsOfOpportunity.computeIfAbsent(r.lng("id"), k -> new HashSet<>()).add(r.lng("lead_id"));
            if (Set.of("c", "r").contains(r.str("_op"))) {
                opportunity.merge(r.lng("lead_id"), r.at("created_at"), earliest());
            }
        }
        Map<Long, Instant> quote = new HashMap<>();
        for (Row q : rows("SELECT opportunity_id, sent_at FROM raw.crm_quotes WHERE sent_at IS NOT NULL")) {
            leadsOfOpportunity.getOrDefault(q.lng("opportunity_id"), Set.of())
                    .forEach(lead -> quote.merge(lead, q.at("sent_at"), earliest()));
        }
        Map<Long, Instant> contract = new HashMap<>();
        Map<Long, Set<Long>> leadsOfContract = new HashMap<>();
        for (Row c : rows("SELECT id, opportunity_id, signed_at FROM raw.crm_contracts WHERE _op <> 'tombstone'")) {
            for (Long lead : leadsOfOpportunity.getOrDefault(c.lng("opportunity_id"), Set.of())) {
                contract.merge(lead, c.at("signed_at"), earliest());
                leadsOfContract.computeIfAbsent(c.lng("id"), k -> new HashSet<>()).add(lead);
            }
        }
        Map<Long, Instant> paid = new HashMap<>();
        for (Row a : rows("SELECT contract_id, booked_at FROM gold.payment_allocations WHERE amount > 0 AND booked_at IS NOT NULL")) {
            leadsOfContract.getOrDefault(a.lng("contract_id"), Set.of())
                    .forEach(lead -> paid.merge(lead, a.at("booked_at"), earliest()));
        }
        List<Map<Long, Instant>> reached = List.of(entered, valid, opportunity, quote, contract, paid);
        Map<List<Object>, List<Object>> expected = new HashMap<>();
        for (int step = 0; step < STEPS.size(); step++) {
            for (Map.Entry<Long, Instant> e : reached.get(step).entrySet()) {
                Row lead = leadNow.get(e.getKey());
                if (lead != null) {
                    expected.put(key(e.getKey(), STEPS.get(step)),
                            values((long) step + 1, e.getValue(), lead.str("channel"), lead.lng("owner_id")));
                }
            }
        }
        return expected;
    }

    private static BinaryOperator<Row> latest() {
        return (a, b) -> CHANGE_ORDER.compare(a, b) >= 0 ? a : b;
    }

    private static BinaryOperator<Instant> earliest() {
        return (a, b) -> a.isBefore(b) ? a : b;
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf((double) part / whole).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }

    private static List<Row> rows(String sql) throws SQLException {
        return ViewRows.rows(trino, sql);
    }
}
