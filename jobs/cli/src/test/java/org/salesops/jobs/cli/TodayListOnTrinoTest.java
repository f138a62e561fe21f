package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.salesops.jobs.generator.GeneratedCompany;
import org.salesops.jobs.generator.GroundTruth;

/**
 * Today's list (gold.rep_today) on the real Trino, at chosen instants of the small company's live week, against
 * the same list worked out by hand from the generated company: its CRM change record and its ground truth
 * (alerts, lead assignments and first contacts).
 */
class TodayListOnTrinoTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Set<String> OPEN_LEAD = Set.of("assigned", "pending_followup", "contacted", "valid");

    static Connection trino;
    static GeneratedCompany company;

    @BeforeAll
    static void theCompanyOnTheStack() throws Exception {
        CompanyOnTheStack run = CompanyOnTheStack.get();
        trino = run.trino;
        company = run.company;
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-03T09:00", "2026-03-05T21:30", "2026-03-07T12:00"})
    void theListAtAnInstantIsWhatTheCompanyHadThen(String local) throws SQLException {
        Instant at = LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
        Set<String> expected = byHand(at);
        Set<String> actual = new HashSet<>();
        try (Statement s = trino.createStatement(); ResultSet rs = s.executeQuery(ViewAsOf.query("gold_rep_today.sql", at))) {
            while (rs.next()) {
                actual.add(item(rs.getLong("rep_id"), rs.getString("section"), rs.getString("subject_type"),
                        rs.getLong("subject_id"), rs.getString("section").equals("top_lead") ? rs.getLong("item_rank") : 0,
                        rs.getString("section").equals("open_alert") ? EndToEndTest.instant(rs, 11) : null));
            }
        }
        assertThat(expected).as("the hand computation finds items of every section").anyMatch(i -> i.contains("|open_alert|"))
                .anyMatch(i -> i.contains("|commitment_due|")).anyMatch(i -> i.contains("|top_lead|"));
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** The list at the instant, from the generated company alone. */
    static Set<String> byHand(Instant at) {
        CrmAsOf crm = new CrmAsOf(company.crmChanges(), at);
        GroundTruth truth = company.groundTruth();
        Set<Long> reps = new HashSet<>();
        for (Map<String, Object> u : crm.rows("users")) {
            if ("rep".equals(u.get("role")) && Boolean.TRUE.equals(u.get("active"))) {
                reps.add((Long) u.get("id"));
            }
        }
        Set<String> items = new HashSet<>();
        for (GroundTruth.ExpectedAlert a : truth.alerts()) {
            if (!a.dueAt().isAfter(at) && (a.resolvedAt() == null || a.resolvedAt().isAfter(at))) {
                items.add(item(a.ownerId(), "open_alert", a.subjectType(), a.subjectId(), 0, a.dueAt()));
            }
        }
        Instant dayEnd = at.atZone(SHANGHAI).toLocalDate().plusDays(1).atStartOfDay(SHANGHAI).toInstant();
        for (Map<String, Object> c : crm.rows("commitments")) {
            if ("open".equals(c.get("status")) && ((Instant) c.get("due_at")).isBefore(dayEnd)) {
                items.add(item((Long) c.get("owner_id"), "commitment_due", "commitment", (Long) c.get("id"), 0, null));
            }
        }
        Map<Long, GroundTruth.LeadAssignment> latest = new TreeMap<>();
        for (GroundTruth.LeadAssignment a : truth.leadAssignments()) {
            if (!a.assignedAt().isAfter(at)) {
                latest.merge(a.leadId(), a, (x, y) -> y.assignedAt().isAfter(x.assignedAt()) ? y : x);
            }
        }
        for (GroundTruth.LeadAssignment a : latest.values()) {
            Map<String, Object> lead = crm.row("leads", a.leadId());
            boolean waiting = a.firstContactAt() == null || a.firstContactAt().isAfter(at);
            if (waiting && lead != null && OPEN_LEAD.contains(lead.get("status")) && Long.valueOf(a.ownerId()).equals(lead.get("owner_id"))) {
                items.add(item(a.ownerId(), "awaiting_first_contact", "lead", a.leadId(), 0, null));
            }
        }
        topLeads(crm, at).forEach(items::add);
        items.removeIf(i -> !reps.contains(Long.parseLong(i.substring(0, i.indexOf('|')))));
        return items;
    }

    /** Per rep, the three most valuable open opportunities or leads without one. */
    static List<String> topLeads(CrmAsOf crm, Instant at) {
        record Subject(long owner, String type, long id, BigDecimal amount, int discoveries, Instant latest) {
        }
        List<Map<String, Object>> followUps = crm.rows("activities").stream()
                .filter(a -> !((Instant) a.get("occurred_at")).isAfter(at)).toList();
        List<Subject> subjects = new ArrayList<>();
        Set<Long> leadsWithOpportunity = new HashSet<>();
        for (Map<String, Object> o : crm.rows("opportunities")) {
            if (!Set.of("won", "lost").contains(o.get("stage"))) {
                Long lead = (Long) o.get("lead_id");
                if (lead != null) {
                    leadsWithOpportunity.add(lead);
                }
                List<Map<String, Object>> on = followUps.stream().filter(a -> o.get("id").equals(a.get("opportunity_id"))
                        || (lead != null && lead.equals(a.get("lead_id")))).toList();
                subjects.add(new Subject((Long) o.get("owner_id"), "opportunity", (Long) o.get("id"),
                        (BigDecimal) o.get("amount"), discoveries(on), latest(on)));
            }
        }
        for (Map<String, Object> l : crm.rows("leads")) {
            if (OPEN_LEAD.contains(l.get("status")) && !leadsWithOpportunity.contains((Long) l.get("id")) && l.get("owner_id") != null) {
                List<Map<String, Object>> on = followUps.stream().filter(a -> l.get("id").equals(a.get("lead_id"))).toList();
                subjects.add(new Subject((Long) l.get("owner_id"), "lead", (Long) l.get("id"), null, discoveries(on), latest(on)));
            }
        }
        Comparator<Subject> value = Comparator.comparing(Subject::amount, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Subject::discoveries, Comparator.reverseOrder())
                .thenComparing(Subject::latest, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Subject::type).thenComparingLong(Subject::id);
        Map<Long, List<Subject>> perRep = new TreeMap<>();
        subjects.forEach(s -> perRep.computeIfAbsent(s.owner(), o -> new ArrayList<>()).add(s));
        List<String> items = new ArrayList<>();
        perRep.forEach((owner, list) -> {
            list.sort(value);
            for (int i = 0; i < Math.min(3, list.size()); i++) {
                items.add(item(owner, "top_lead", list.get(i).type(), list.get(i).id(), i + 1, null));
            }
        });
        return items;
    }

    static int discoveries(List<Map<String, Object>> followUps) {
        Set<String> found = new HashSet<>();
        for (Map<String, Object> a : followUps) {
            if (a.get("discoveries") != null) {
                for (String d : ((String) a.get("discoveries")).split(";")) {
                    if (!d.isEmpty()) {
                        found.add(d);
                    }
                }
            }
        }
        return found.size();
    }

    static Instant latest(List<Map<String, Object>> followUps) {
        return followUps.stream().map(a -> (Instant) a.get("occurred_at")).max(Comparator.naturalOrder()).orElse(null);
    }

    static String item(long rep, String section, String subjectType, long subjectId, long rank, Instant dueAt) {
        return rep + "|" + section + "|" + subjectType + ":" + subjectId + (rank > 0 ? " #" + rank : "")
                + (dueAt == null ? "" : " due " + dueAt);
    }
}
