package org.salesops.jobs.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesops.pipelines.calls.CallRecord;
import org.salesops.pipelines.calls.PhoneNumbers;
import org.salesops.pipelines.crm.CrmChange;

class GroundTruthTest {

    private final GeneratedCompany company = Companies.small();
    private final GroundTruth truth = company.groundTruth();

    @Test
    void responseTimesMixQuickLateAndNeverContacted() {
        List<GroundTruth.LeadAssignment> assignments = truth.leadAssignments();
        long met = assignments.stream().filter(GroundTruth.LeadAssignment::slaMet).count();
        long late = assignments.stream().filter(a -> a.firstContactAt() != null && !a.slaMet()).count();
        long never = assignments.stream().filter(a -> a.firstContactAt() == null).count();

        assertThat(met).isGreaterThan(assignments.size() / 2);
        assertThat(late).isGreaterThan(assignments.size() / 50);
        assertThat(never).isGreaterThan(assignments.size() / 50);
        assertThat(assignments).extracting(GroundTruth.LeadAssignment::contactKind).contains("call", "follow_up");
        assertThat(assignments).allSatisfy(a -> {
            assertThat(a.slaDeadline()).isEqualTo(a.assignedAt().plus(GroundTruth.SLA));
            if (a.firstContactAt() != null) {
                assertThat(a.responseMinutes()).isEqualTo(Duration.between(a.assignedAt(), a.firstContactAt()).toMinutes());
                assertThat(a.businessMinutes()).isBetween(0L, a.responseMinutes());
            }
        });
    }

    @Test
    void someLeadsAreReassignedAfterTheFirstOwnerIgnoredThem() {
        Map<Long, List<GroundTruth.LeadAssignment>> byLead = truth.leadAssignments().stream()
                .collect(Collectors.groupingBy(GroundTruth.LeadAssignment::leadId));
        assertThat(byLead.values()).anyMatch(list -> list.size() > 1 && list.get(0).firstContactAt() == null
                && list.get(1).ownerId() != list.get(0).ownerId());
    }

    @Test
    void allFourChannelsBringLeadsDouyinMostReferralFew() {
        Map<String, Long> channels = truth.leadsPerChannel();
        assertThat(channels).containsOnlyKeys("douyin", "expo", "website", "referral");
        assertThat(channels.get("douyin")).isGreaterThan(channels.get("website")).isGreaterThan(channels.get("referral"));
        long leadsInData = company.crmChanges().stream().filter(c -> c.table().equals("leads") && c.after() != null)
                .map(c -> c.after().get("id")).distinct().count();
        assertThat(channels.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(leadsInData);
    }

    @Test
    void followUpsLoggedAboutSeventeenHoursAfterTheCallAreThere() {
        List<GroundTruth.CallFollowUp> followUps = truth.callFollowUps();
        assertThat(followUps).filteredOn(f -> f.logGapMinutes() != null && f.logGapMinutes() >= 14 * 60
                && f.logGapMinutes() <= 21 * 60).hasSizeGreaterThan(10);
        assertThat(followUps).filteredOn(f -> f.callId() == null).isNotEmpty();
        assertThat(followUps).filteredOn(f -> f.logGapMinutes() != null && f.logGapMinutes() < 30)
                .hasSizeGreaterThan(followUps.size() / 2);
    }

    @Test
    void expectedRowCountsAreTheOutputsOwn() {
        Map<String, Long> expected = new TreeMap<>();
        company.crmChanges().forEach(c -> expected.merge("crm_" + c.table(), 1L, Long::sum));
        expected.put("calls", (long) company.calls().size());
        expected.put("bank_transactions", company.bankNotifications().stream().mapToLong(n -> n.transactions().size()).sum());
        assertThat(truth.rowsPerRawTable()).isEqualTo(expected);
        assertThat(truth.deadLetters()).isEqualTo(company.malformedPayloads().size()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void anomaliesAreInjected() {
        assertThat(truth.backDatedLeads()).isNotEmpty().allSatisfy(b ->
                assertThat(Duration.between(b.createdAt(), b.enteredAt())).isGreaterThanOrEqualTo(Duration.ofHours(24)));
        assertThat(truth.bulkStatusFlips()).singleElement().satisfies(flip -> {
            assertThat(flip.leadIds()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(Duration.between(flip.from(), flip.to())).isLessThan(Duration.ofMinutes(15));
        });
    }

    @Test
    void paymentsAreAllocatedToInvoicesThatExist() {
        Map<Object, Object> invoiceNumbers = company.crmChanges().stream()
                .filter(c -> c.table().equals("invoices") && c.after() != null)
                .collect(Collectors.toMap(c -> c.after().get("id"), c -> c.after().get("invoice_no"), (a, b) -> b));
        assertThat(truth.paymentAllocations()).isNotEmpty().allSatisfy(a ->
                assertThat(invoiceNumbers).containsEntry(a.invoiceId(), a.invoiceNo()));
    }

    /**
     * Applies the response-time definition in {@link GroundTruth}'s javadoc to the output itself and
     * finds exactly the ground truth the simulation recorded.
     */
    @Test
    void theDefinitionAppliedToTheDataGivesTheGroundTruth() {
        Map<Long, String> extensionOf = new HashMap<>();
        Map<Long, String> mobileOf = new HashMap<>();
        Map<Long, String> phoneOf = new HashMap<>();
        Map<Long, List<Object[]>> assignments = new HashMap<>();
        for (CrmChange change : company.crmChanges()) {
            Map<String, Object> after = change.after();
            if (after == null) {
                continue;
            }
            switch (change.table()) {
                case "users" -> {
                    extensionOf.put((Long) after.get("id"), (String) after.get("extension"));
                    mobileOf.put((Long) after.get("id"), PhoneNumbers.toE164((String) after.get("mobile")));
                }
                case "leads" -> {
                    Long lead = (Long) after.get("id");
                    phoneOf.put(lead, PhoneNumbers.toE164((String) after.get("phone")));
                    boolean assignment = after.get("owner_id") != null && (change.op().equals("c") || change.op().equals("r")
                            || !Objects.equals(change.before().get("owner_id"), after.get("owner_id"))
                            || !Objects.equals(change.before().get("assigned_at"), after.get("assigned_at")));
                    if (assignment) {
                        assignments.computeIfAbsent(lead, l -> new ArrayList<>())
                                .add(new Object[] {after.get("owner_id"), after.get("assigned_at")});
                    }
                }
                default -> { }
            }
        }
        Map<Long, List<Object[]>> activityRows = new HashMap<>();
        company.crmChanges().stream().filter(c -> c.table().equals("activities") && (c.op().equals("c") || c.op().equals("r")))
                .map(CrmChange::after).filter(a -> a.get("lead_id") != null)
                .forEach(a -> activityRows.computeIfAbsent((Long) a.get("lead_id"), l -> new ArrayList<>())
                        .add(new Object[] {a.get("owner_id"), a.get("occurred_at")}));

        List<String> derived = new ArrayList<>();
        for (Map.Entry<Long, List<Object[]>> lead : assignments.entrySet()) {
            List<Object[]> list = lead.getValue();
            for (int i = 0; i < list.size(); i++) {
                long owner = (Long) list.get(i)[0];
                Instant from = (Instant) list.get(i)[1];
                Instant until = i + 1 < list.size() ? (Instant) list.get(i + 1)[1] : Instant.MAX;
                String phone = phoneOf.get(lead.getKey());
                Instant first = null;
                String kind = null;
                for (GeneratedCall generated : company.calls()) {
                    CallRecord call = generated.record();
                    boolean ownerSide = extensionOf.get(owner).equals(call.repExtension())
                            || Objects.equals(mobileOf.get(owner), call.repNumber());
                    if (call.connected() && phone != null && phone.equals(call.remoteNumber()) && ownerSide
                            && !call.startedAt().isBefore(from) && call.startedAt().isBefore(until)
                            && (first == null || call.startedAt().isBefore(first))) {
                        first = call.startedAt();
                        kind = "call";
                    }
                }
                for (Object[] activity : activityRows.getOrDefault(lead.getKey(), List.of())) {
                    Instant at = (Instant) activity[1];
                    if ((Long) activity[0] == owner && !at.isBefore(from) && at.isBefore(until)
                            && (first == null || at.isBefore(first))) {
                        first = at;
                        kind = "follow_up";
                    }
                }
                derived.add(lead.getKey() + " " + owner + " " + from + " " + first + " " + kind);
            }
        }
        List<String> recorded = truth.leadAssignments().stream()
                .map(a -> a.leadId() + " " + a.ownerId() + " " + a.assignedAt() + " " + a.firstContactAt() + " " + a.contactKind())
                .toList();
        List<String> onlyDerived = derived.stream().filter(d -> !recorded.contains(d)).toList();
        List<String> onlyRecorded = recorded.stream().filter(r -> !derived.contains(r)).toList();
        assertThat(onlyDerived).as("derived from the data but not in the ground truth").isEmpty();
        assertThat(onlyRecorded).as("in the ground truth but not derived from the data").isEmpty();
        assertThat(derived).hasSameSizeAs(recorded);
    }

    @Test
    void writesJsonAPersonAndAProgramCanRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("truth/ground-truth.json");
        truth.writeJson(file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("leadAssignments")).hasSize(truth.leadAssignments().size());
        assertThat(json.get("leadAssignments").get(0).get("assignedAt").asText()).endsWith("Z");
        assertThat(json.get("rowsPerRawTable").get("crm_leads").asLong()).isEqualTo(truth.rowsPerRawTable().get("crm_leads"));
        assertThat(json.get("deadLetters").asLong()).isEqualTo(truth.deadLetters());
    }
}
