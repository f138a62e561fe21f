package org.salesops.jobs.generator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.salesops.pipelines.crm.CrmChange;

/**
 * The simulated company's output: domain records in the order the source systems emit them, the
 * broken inputs, and what the pipeline must compute from it all.
 *
 * @param crmChanges        Debezium's view of the CRM: the snapshot (op r), then every change in commit order
 * @param calls             call records in the order they ended (history included)
 * @param bankNotifications camt.054 documents in the order they were created (history included)
 * @param malformedPayloads raw inputs that must end in the dead-letter table, in arrival order
 */
public record GeneratedCompany(
        CompanyProfile profile,
        List<CrmChange> crmChanges,
        List<GeneratedCall> calls,
        List<BankNotification> bankNotifications,
        List<MalformedPayload> malformedPayloads,
        GroundTruth groundTruth) {

    /** One line saying how big the company came out. */
    public String sizes() {
        Map<String, Long> ops = new TreeMap<>();
        crmChanges.forEach(c -> ops.merge(c.op(), 1L, Long::sum));
        long twilio = calls.stream().filter(c -> c.format() == CallFormat.TWILIO).count();
        long credits = bankNotifications.stream().mapToLong(n -> n.transactions().size()).sum();
        return String.format("%d CRM changes %s, %d calls (%d Asterisk, %d Twilio), %d bank credits in %d camt.054 "
                        + "documents, %d malformed payloads, %d lead assignments",
                crmChanges.size(), ops, calls.size(), calls.size() - twilio, twilio, credits, bankNotifications.size(),
                malformedPayloads.size(), groundTruth.leadAssignments().size());
    }
}
