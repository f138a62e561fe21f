package org.salesops.jobs.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.crm.CrmChange;

/** The company of the embedded demo: 30 days from 2026-03-02, generated in seconds. */
class DefaultCompanyTest {

    private static GeneratedCompany company;
    private static Duration took;

    @BeforeAll
    static void generate() {
        long started = System.nanoTime();
        company = CompanyGenerator.generate(CompanyProfile.defaults());
        took = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("default company in " + took.toMillis() + " ms: " + company.sizes());
    }

    @Test
    void isGeneratedInSeconds() {
        assertThat(took).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void hasEnoughRepsInThreeRegionalTeamsAndTheRolesAroundThem() {
        Map<Object, Map<String, Object>> users = latest("users");
        Map<Object, Map<String, Object>> teams = latest("teams");
        assertThat(teams.values()).extracting(t -> t.get("region")).containsExactlyInAnyOrder("华东", "华南", "华北");
        assertThat(teams.values()).allSatisfy(t -> assertThat(users.get(t.get("supervisor_id"))).containsEntry("role", "supervisor"));
        Map<Object, Long> roles = users.values().stream().collect(Collectors.groupingBy(u -> u.get("role"), Collectors.counting()));
        assertThat(roles.get("rep")).isGreaterThanOrEqualTo(18);
        assertThat(roles).containsKeys("director", "presales", "delivery", "customer_success", "finance");
        assertThat(users.values()).filteredOn(u -> u.get("role").equals("rep"))
                .allSatisfy(u -> assertThat(users.get(u.get("manager_id"))).containsEntry("role", "supervisor"));
        assertThat(users.values()).extracting(u -> u.get("extension")).doesNotHaveDuplicates();
    }

    @Test
    void coversThirtyDaysWithQuieterWeekends() {
        Instant start = company.groundTruth().snapshotAt();
        Map<LocalDate, Long> perDay = company.crmChanges().stream().filter(c -> c.committedAt().isAfter(start))
                .filter(c -> c.table().equals("leads") && c.op().equals("c"))
                .collect(Collectors.groupingBy(c -> c.committedAt().atZone(WorkCalendar.SHANGHAI).toLocalDate(),
                        Collectors.counting()));
        assertThat(perDay.keySet()).allSatisfy(d -> assertThat(d).isBetween(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31)));
        double weekday = perDay.entrySet().stream().filter(e -> e.getKey().getDayOfWeek().getValue() <= 5)
                .mapToLong(Map.Entry::getValue).average().orElseThrow();
        double weekend = perDay.entrySet().stream().filter(e -> e.getKey().getDayOfWeek().getValue() > 5)
                .mapToLong(Map.Entry::getValue).average().orElseThrow();
        assertThat(weekend).isLessThan(weekday * 0.8);
    }

    @Test
    void deletesAFewRowsEachFollowedByItsTombstone() {
        List<CrmChange> deletes = company.crmChanges().stream().filter(c -> c.op().equals("d")).toList();
        assertThat(deletes).hasSizeBetween(2, 40).extracting(CrmChange::table).contains("leads");
        assertThat(company.crmChanges()).filteredOn(c -> c.op().equals("tombstone")).hasSameSizeAs(deletes);
    }

    @Test
    void walksDealsAllTheWayToMoney() {
        Set<String> tables = company.crmChanges().stream().map(CrmChange::table).collect(Collectors.toSet());
        assertThat(tables).contains("payment_match_decisions", "contracts", "invoices", "receivable_steps");
        assertThat(latest("contracts").values()).extracting(c -> c.get("status")).contains("completed", "active");
        assertThat(latest("contracts").values()).extracting(c -> (String) c.get("contract_no"))
                .allMatch(no -> no.matches("HT-2026-\\d{5}"));
        assertThat(latest("invoices").values()).extracting(c -> (String) c.get("invoice_no"))
                .allMatch(no -> no.matches("INV-2026-\\d{6}"));
        assertThat(latest("commitments").values()).extracting(c -> (String) c.get("code"))
                .allMatch(code -> code.matches("DABE-\\d{8}-\\d{3}")).doesNotHaveDuplicates();
        assertThat(company.bankNotifications()).anyMatch(n -> n.transactions().size() > 1);
        assertThat(company.bankNotifications()).flatExtracting(BankNotification::transactions).allSatisfy(t -> {
            assertThat(t.amount()).isPositive();
            assertThat(t.currency()).isEqualTo("CNY");
            assertThat(t.status()).isEqualTo("BOOK");
            assertThat(t.sourceFormat()).isEqualTo("camt.054.001.08");
        });
        Map<String, Integer> paidPer = new HashMap<>();
        company.groundTruth().paymentAllocations().forEach(a -> paidPer.merge(a.bankReference(), 1, Integer::sum));
        assertThat(paidPer.values()).as("one credit for several invoices").anyMatch(n -> n > 1);
    }

    @Test
    void payersWriteTheirNamesAndReferencesEveryWhichWay() {
        List<String> memos = company.bankNotifications().stream().flatMap(n -> n.transactions().stream())
                .map(t -> String.valueOf(t.remittanceUnstructured())).toList();
        assertThat(memos).anyMatch(m -> m.contains("INV-2026-")).anyMatch(m -> m.contains("HT-2026-"))
                .anyMatch(m -> !m.contains("INV") && !m.contains("HT-"));
        List<String> payers = company.bankNotifications().stream().flatMap(n -> n.transactions().stream())
                .map(t -> t.counterpartyName()).toList();
        assertThat(payers).anyMatch(p -> p.endsWith("分公司")).anyMatch(p -> p.contains("Co.") || p.endsWith("Limited"));
    }

    private static Map<Object, Map<String, Object>> latest(String table) {
        Map<Object, Map<String, Object>> rows = new HashMap<>();
        for (CrmChange change : company.crmChanges()) {
            if (change.table().equals(table) && change.after() != null) {
                rows.put(change.after().get("id"), change.after());
            }
        }
        return rows;
    }
}
