package org.salesops.jobs.generator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.salesops.pipelines.bank.Camt054Writer;
import org.salesops.pipelines.calls.AsteriskCdrWriter;
import org.salesops.pipelines.calls.TwilioCallWriter;
import org.salesops.pipelines.crm.CrmChange;
import org.salesops.pipelines.crm.CrmChangeWriter;
import org.salesops.pipelines.crm.CrmTopics;

/**
 * The generated company in the formats the real systems emit: Debezium JSON per CRM table,
 * Asterisk cdr_csv lines and Twilio Call JSON on pbx.cdr, camt.054 documents on bank.camt054, and
 * the malformed payloads — each with its event's own time as the record time.
 */
public final class WireFormats {

    public static final String CALL_TOPIC = "pbx.cdr";
    public static final String BANK_TOPIC = "bank.camt054";

    private static final String TWILIO_ACCOUNT = "AC5e1f3c2b9d8a7f6e5d4c3b2a1f0e9d8c";
    private static final String OUR_ACCOUNT = "CN6210250001000123456789";

    private WireFormats() {
    }

    /**
     * @param withSchemaWrapper Debezium JSON converter with schemas.enable
     * @param decimalsAsBase64  decimal.handling.mode=precise instead of string
     */
    public static List<WireRecord> records(GeneratedCompany company, boolean withSchemaWrapper, boolean decimalsAsBase64) {
        CrmChangeWriter debezium = new CrmChangeWriter();
        TwilioCallWriter twilio = new TwilioCallWriter(TWILIO_ACCOUNT);
        Camt054Writer camt = new Camt054Writer();
        List<WireRecord> records = new ArrayList<>();
        long lastCommit = 0;
        for (CrmChange change : company.crmChanges()) {
            lastCommit = change.committedAt() != null ? change.committedAt().toEpochMilli() : lastCommit;
            records.add(new WireRecord(CrmTopics.topic(change.table()), lastCommit,
                    debezium.key(change, withSchemaWrapper), debezium.value(change, withSchemaWrapper, decimalsAsBase64)));
        }
        for (GeneratedCall call : company.calls()) {
            String payload = switch (call.format()) {
                case ASTERISK -> AsteriskCdrWriter.format(call.record(), "from-internal", "PJSIP");
                case TWILIO -> twilio.toJson(call.record());
            };
            records.add(new WireRecord(CALL_TOPIC, call.record().endedAt().toEpochMilli(),
                    utf8(call.record().callId()), utf8(payload)));
        }
        for (BankNotification notification : company.bankNotifications()) {
            String account = notification.transactions().isEmpty() || notification.transactions().get(0).accountId() == null
                    ? OUR_ACCOUNT : notification.transactions().get(0).accountId();
            records.add(new WireRecord(BANK_TOPIC, notification.createdAt().toEpochMilli(), utf8(notification.messageId()),
                    utf8(camt.write(notification.messageId(), notification.createdAt(), account, notification.transactions()))));
        }
        for (MalformedPayload bad : company.malformedPayloads()) {
            records.add(new WireRecord(bad.topic(), bad.at().toEpochMilli(), utf8(bad.key()), utf8(bad.value())));
        }
        return records;
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
