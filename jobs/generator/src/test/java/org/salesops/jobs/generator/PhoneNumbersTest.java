package org.salesops.jobs.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.calls.CallRecord;
import org.salesops.pipelines.calls.PhoneNumbers;
import org.salesops.pipelines.crm.CrmChange;

/** The numbers are typed in every shape, yet all of them normalise to the same E.164 form. */
class PhoneNumbersTest {

    private final GeneratedCompany company = Companies.small();

    @Test
    void everyLeadPhoneAndWorkMobileNormalises() {
        List<String> typedNumbers = new ArrayList<>();
        for (CrmChange change : company.crmChanges()) {
            Map<String, Object> row = change.after();
            if (row == null) {
                continue;
            }
            String typed = (String) (change.table().equals("leads") ? row.get("phone")
                    : change.table().equals("users") ? row.get("mobile") : null);
            if (typed != null) {
                assertThat(PhoneNumbers.toE164(typed)).as(typed).startsWith("+86");
                typedNumbers.add(typed);
            }
        }
        for (String shape : List.of("\\+86 1\\d{2} \\d{4} \\d{4}", "1\\d{2}-\\d{4}-\\d{4}", "1\\d{10}",
                "0\\d{2,3}-\\d{7,8}", "\\(0\\d{2,3}\\)\\d{7,8}")) {
            assertThat(typedNumbers).as(shape).filteredOn(n -> n.matches(shape)).isNotEmpty();
        }
    }

    @Test
    void callsCarryTheNumberTheirRawShapeNormalisesTo() {
        int outsideLine = 0;
        for (GeneratedCall generated : company.calls()) {
            CallRecord call = generated.record();
            if (call.direction().equals("internal")) {
                assertThat(call.remoteNumber()).isNull();
                assertThat(PhoneNumbers.isExtension(call.remoteNumberRaw())).isTrue();
                continue;
            }
            String normalised = PhoneNumbers.toE164(call.remoteNumberRaw());
            if (normalised == null && generated.format() == CallFormat.ASTERISK && call.direction().equals("outbound")) {
                // The PBX's outside-line digit in front of the dialled number.
                assertThat(call.remoteNumberRaw()).startsWith("9");
                normalised = PhoneNumbers.toE164(call.remoteNumberRaw().substring(1));
                outsideLine++;
            }
            assertThat(normalised).as(call.toString()).isEqualTo(call.remoteNumber());
        }
        assertThat(outsideLine).isGreaterThan(100);
    }

    @Test
    void theRepSideIsAUserByExtensionOnThePbxAndByMobileOnTwilio() {
        Map<String, Long> byExtension = new HashMap<>();
        Map<String, Long> byMobile = new HashMap<>();
        for (CrmChange change : company.crmChanges()) {
            if (change.table().equals("users") && change.after() != null) {
                byExtension.put((String) change.after().get("extension"), (Long) change.after().get("id"));
                byMobile.put(PhoneNumbers.toE164((String) change.after().get("mobile")), (Long) change.after().get("id"));
            }
        }
        Map<CallFormat, Integer> formats = new HashMap<>();
        for (GeneratedCall generated : company.calls()) {
            CallRecord call = generated.record();
            formats.merge(generated.format(), 1, Integer::sum);
            if (generated.format() == CallFormat.ASTERISK) {
                assertThat(call.source()).isEqualTo("asterisk");
                assertThat(byExtension).containsKey(call.repExtension());
                assertThat(call.repNumber()).isNull();
            } else {
                assertThat(call.source()).isEqualTo("twilio");
                assertThat(byMobile).containsKey(call.repNumber());
                assertThat(call.repExtension()).isNull();
                assertThat(call.remoteNumberRaw()).startsWith("+86");
            }
        }
        // Roughly 80 % desk phone, 20 % cloud phone.
        double twilioShare = formats.get(CallFormat.TWILIO) / (double) company.calls().size();
        assertThat(twilioShare).isBetween(0.1, 0.3);
    }

    @Test
    void callsToLeadsReachTheNumberOnTheLead() {
        Map<String, Long> leadByPhone = new HashMap<>();
        for (CrmChange change : company.crmChanges()) {
            if (change.table().equals("leads") && change.after() != null && change.after().get("phone") != null) {
                leadByPhone.put(PhoneNumbers.toE164((String) change.after().get("phone")), (Long) change.after().get("id"));
            }
        }
        List<CallRecord> toLeads = company.calls().stream().map(GeneratedCall::record)
                .filter(c -> c.connected() && leadByPhone.containsKey(c.remoteNumber())).toList();
        assertThat(toLeads.size()).isGreaterThan(company.calls().size() / 3);
        assertThat(toLeads).anyMatch(c -> c.direction().equals("inbound"));
    }
}
