package org.salesops.jobs.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.salesops.pipelines.bank.BankTransaction;
import org.salesops.pipelines.bank.CamtParser;
import org.salesops.pipelines.calls.CallRecord;
import org.salesops.pipelines.calls.CallRecordParser;
import org.salesops.pipelines.common.KafkaRecord;
import org.salesops.pipelines.common.RejectedInput;
import org.salesops.pipelines.crm.CrmChange;
import org.salesops.pipelines.crm.CrmChangeParser;

/** One parser per input family, shared by every task in the JVM (they are stateless). */
final class Parsers {

    private static final CrmChangeParser CRM = new CrmChangeParser();
    private static final CallRecordParser CALLS = new CallRecordParser();
    private static final CamtParser BANK = new CamtParser();

    private Parsers() {
    }

    static List<CrmChange> crm(KafkaRecord record) throws RejectedInput {
        return List.of(CRM.parse(record.topic, record.key, record.value));
    }

    static List<CallRecord> calls(KafkaRecord record) throws RejectedInput {
        if (record.value == null) {
            throw new RejectedInput("empty message: a call record needs a CSV line or a JSON document");
        }
        return CALLS.parse(new String(record.value, StandardCharsets.UTF_8));
    }

    static List<BankTransaction> bank(KafkaRecord record) throws RejectedInput {
        if (record.value == null) {
            throw new RejectedInput("empty message: a bank notification needs a camt.054 document");
        }
        return BANK.parse(record.value, record.position());
    }
}
