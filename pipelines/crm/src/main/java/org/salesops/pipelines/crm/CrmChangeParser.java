package org.salesops.pipelines.crm;

import java.time.Instant;
import java.util.Map;
import org.salesops.pipelines.common.RejectedInput;

/**
 * Turns one Kafka record from a CRM topic (a Debezium change event from the CRM's PostgreSQL
 * database) into a {@link CrmChange} whose values are typed per the CRM schema, or rejects it with
 * a reason naming the table, the column and the problem.
 *
 * <p>Accepted: JSON with or without the {schema, payload} wrapper; ops c, u, d, r; decimals as
 * strings, JSON numbers or base64 unscaled bytes (scale from the wrapper, else from the DDL);
 * timestamptz as ISO-8601 strings (or epoch millis/micros when the wrapper says so); dates as days
 * since epoch or ISO strings; tombstones (null value) after deletes. Columns the CRM contract does
 * not know are ignored, since the CRM may add columns before the contract catches up; every known
 * column is in the typed row, null when absent or null.
 *
 * <p>Rejected: malformed JSON; transaction metadata, schema-change and heartbeat events;
 * truncates and logical-decoding messages (not row changes); unknown ops; events of tables the CRM
 * does not have; c/u/r without after, d without before; a NOT NULL column missing or null; a value
 * of the wrong JSON type; an unparseable timestamp, date or decimal; a decimal that does not fit
 * its column.
 *
 * <p>The table comes from the event's source block (server name, schema and table, which must
 * read {@code crm.public.<table>}), or from the topic when the source names no table, as for
 * tombstones. Thread-safe; holds no state but the schema.
 */
public final class CrmChangeParser {

    public static final String TOMBSTONE = "tombstone";

    private final CrmSchema schema;

    public CrmChangeParser() {
        this(CrmSchema.load());
    }

    public CrmChangeParser(CrmSchema schema) {
        this.schema = schema;
    }

    /**
     * @param topic the Kafka topic, used when the value does not name its table
     * @param key   the record key (needed for tombstones), or null
     * @param value the record value, null for a tombstone
     * @return the typed change; for a tombstone, before holds the key column and committedAt is
     *         null (the caller knows the Kafka record's timestamp)
     */
    public CrmChange parse(String topic, byte[] key, byte[] value) throws RejectedInput {
        if (value == null) {
            return tombstone(topic, key);
        }
        DebeziumEnvelope event = DebeziumEnvelope.parse(value);
        String origin = event.source().defaultTopic() != null ? event.source().defaultTopic() : topic;
        String op = event.op();
        switch (op) {
            case "c", "u", "d", "r" -> { }
            case "t" -> throw new RejectedInput("truncate event (op 't') on " + origin
                    + ": not a row change (TRUNCATE removes every row without a delete event per row)");
            case "m" -> throw new RejectedInput("logical decoding message (op 'm'): not a row change");
            default -> throw new RejectedInput("unknown op '" + op + "' on " + origin + " (expected c, u, d or r)");
        }
        CrmSchema.Table table = table(origin);
        if (event.after() == null && !op.equals("d")) {
            throw new RejectedInput(table.name() + ": op '" + op + "' without after");
        }
        if (event.before() == null && op.equals("d")) {
            throw new RejectedInput(table.name() + ": op 'd' without before (the CRM runs REPLICA IDENTITY FULL)");
        }
        if (event.source().tsMs() == null) {
            throw new RejectedInput(table.name() + ": no source.ts_ms, the commit time");
        }
        Map<String, ConnectField> fields = event.rowFields();
        return new CrmChange(table.name(), op,
                event.before() == null ? null : CrmRowReader.row(table, event.before(), fields, "before"),
                event.after() == null ? null : CrmRowReader.row(table, event.after(), fields, "after"),
                Instant.ofEpochMilli(event.source().tsMs()),
                event.source().lsn(),
                event.source().txId());
    }

    private CrmChange tombstone(String topic, byte[] key) throws RejectedInput {
        CrmSchema.Table table = table(topic);
        if (key == null) {
            throw new RejectedInput(table.name() + ": tombstone without a key");
        }
        return new CrmChange(table.name(), TOMBSTONE, CrmRowReader.key(table, DebeziumKey.parse(key)), null, null, null, null);
    }

    /** @param origin server.schema.table from the source block, or the topic */
    private CrmSchema.Table table(String origin) throws RejectedInput {
        if (origin == null) {
            throw new RejectedInput("unknown table: the event names none and there is no topic");
        }
        String name = CrmTopics.tableOf(origin);
        CrmSchema.Table table = name == null ? null : schema.table(name);
        if (table == null) {
            throw new RejectedInput("unknown table " + origin + ": not one of the CRM's tables ("
                    + CrmTopics.topic("<table>") + ")");
        }
        return table;
    }
}
