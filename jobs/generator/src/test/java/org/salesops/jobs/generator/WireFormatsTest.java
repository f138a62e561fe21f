package org.salesops.jobs.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.bank.BankTransaction;
import org.salesops.pipelines.bank.Camt054Writer;
import org.salesops.pipelines.bank.CamtParser;
import org.salesops.pipelines.calls.AsteriskCdrWriter;
import org.salesops.pipelines.calls.CallRecordParser;
import org.salesops.pipelines.calls.TwilioCallWriter;
import org.salesops.pipelines.common.RejectedInput;
import org.salesops.pipelines.crm.CrmChange;
import org.salesops.pipelines.crm.CrmChangeParser;
import org.salesops.pipelines.crm.CrmChangeWriter;
import org.salesops.pipelines.crm.CrmTopics;

/**
 * Every generated record survives its wire format: written by the writers the publisher uses and
 * read back by the pipeline's parsers, it is the same record. So the ground truth, taken from the
 * records, is what the pipeline can see.
 */
class WireFormatsTest {

    private final GeneratedCompany company = Companies.small();

    @Test
    void crmChangesReadBackEqualInEveryDebeziumVariant() throws RejectedInput {
        CrmChangeWriter writer = new CrmChangeWriter();
        CrmChangeParser parser = new CrmChangeParser();
        for (CrmChange change : company.crmChanges()) {
            // The parser leaves a tombstone's time to the Kafka record, which is the delete's commit time.
            CrmChange expected = change.op().equals("tombstone")
                    ? new CrmChange(change.table(), change.op(), change.before(), null, null, null, null) : change;
            for (boolean wrapped : new boolean[] {false, true}) {
                for (boolean base64 : new boolean[] {false, true}) {
                    CrmChange back = parser.parse(CrmTopics.topic(change.table()), writer.key(change, wrapped),
                            writer.value(change, wrapped, base64));
                    assertThat(back).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void callsReadBackEqualFromAsteriskLinesAndTwilioJson() throws RejectedInput {
        TwilioCallWriter twilio = new TwilioCallWriter("AC0123456789abcdef0123456789abcdef");
        CallRecordParser parser = new CallRecordParser();
        for (GeneratedCall call : company.calls()) {
            String wire = call.format() == CallFormat.ASTERISK
                    ? AsteriskCdrWriter.format(call.record(), "from-internal", "PJSIP")
                    : twilio.toJson(call.record());
            assertThat(parser.parse(wire)).as(wire).containsExactly(call.record());
        }
    }

    @Test
    void bankCreditsReadBackEqualFromCamt054() throws RejectedInput {
        Camt054Writer writer = new Camt054Writer();
        CamtParser parser = new CamtParser();
        for (BankNotification notification : company.bankNotifications()) {
            // The writer only names the notified account by IBAN; the collection account is a domestic one.
            String xml = writer.write(notification.messageId(), notification.createdAt(), "CN00" + BankFeed.ACCOUNT,
                    notification.transactions());
            List<BankTransaction> back = parser.parse(xml.getBytes(StandardCharsets.UTF_8), "test");
            assertThat(back).hasSameSizeAs(notification.transactions());
            for (int i = 0; i < back.size(); i++) {
                BankTransaction sent = notification.transactions().get(i);
                assertThat(back.get(i)).usingRecursiveComparison().ignoringFields("accountId").isEqualTo(sent);
            }
        }
    }
}
