package org.salesops.jobs.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.salesops.pipelines.bank.BankTransaction;
import org.salesops.pipelines.bank.CamtParser;
import org.salesops.pipelines.bank.StatementFileParser;
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
    private static final StatementFileParser STATEMENTS = new StatementFileParser();

    private Parsers() {
    }

    static List<CrmChange> crm(KafkaRecord record) throws RejectedInput {
        return List.of(CRM.parse(record.topic, record.key, record.value));
    }

    static List<CallRecord> calls(KafkaRecord record) throws RejectedInput {
        if (record.value == null) {
            throw new RejectedInput("empty message: a call record needs a CSV line or a JSON document");
        }
        return CALLS.parse(utf8(record.value));
    }

    /**
     * Decoded strictly: bytes that are not UTF-8 (a PBX writing GBK caller names) would otherwise become
     * replacement characters in a typed row; rejected, the dead letter keeps them byte for byte.
     */
    private static String utf8(byte[] bytes) throws RejectedInput {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RejectedInput("not UTF-8 text: a call record is a CSV line or JSON document in UTF-8 ("
                    + e.getMessage() + ")");
        }
    }

    /** A camt.054 notification, or a whole statement file (its name is the record key) of any known format. */
    static List<BankTransaction> bank(KafkaRecord record) throws RejectedInput {
        boolean statement = IngestJob.STATEMENT_TOPIC.equals(record.topic);
        if (record.value == null || record.value.length == 0) {
            throw new RejectedInput(statement ? "empty message: a statement record needs the file's bytes"
                    : "empty message: a bank notification needs a camt.054 document");
        }
        if (statement) {
            String fileName = record.key == null ? record.position() : new String(record.key, StandardCharsets.UTF_8);
            return STATEMENTS.parse(record.value, fileName);
        }
        return BANK.parse(record.value, record.position());
    }
}
