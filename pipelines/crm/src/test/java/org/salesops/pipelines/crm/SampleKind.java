package org.salesops.pipelines.crm;

/**
 * What a Debezium sample file holds, told by its name (see shared/samples/debezium/SOURCES.md),
 * and how each kind must be rejected: by the generic envelope already, or by the CRM parser.
 */
enum SampleKind {
    TRANSACTION_METADATA("transaction metadata event", true),
    SCHEMA_CHANGE("schema change event", true),
    NOT_AN_ENVELOPE("not a Debezium change event: no op field", true),
    TRUNCATE("truncate event (op 't')", false),
    MESSAGE("logical decoding message (op 'm')", false),
    ROW_CHANGE("unknown table ", false);

    /** How the CRM parser's reason starts. */
    final String reason;
    /** Whether the generic envelope already rejects it (it is no change event at all). */
    final boolean rejectedByEnvelope;

    SampleKind(String reason, boolean rejectedByEnvelope) {
        this.reason = reason;
        this.rejectedByEnvelope = rejectedByEnvelope;
    }

    static SampleKind of(String file) {
        if (file.contains("transaction-metadata")) {
            return TRANSACTION_METADATA;
        }
        if (file.endsWith("schema-change-ddl.json") || file.endsWith("mysql/debezium-event-change.json")) {
            return SCHEMA_CHANGE;
        }
        // keys, and a row already flattened by ExtractNewRecordState
        if (file.contains("-key-") || file.endsWith("serde-unwrapped.json")) {
            return NOT_AN_ENVELOPE;
        }
        if (file.endsWith("truncate.json")) {
            return TRUNCATE;
        }
        if (file.endsWith("logical-decoding-message.json")) {
            return MESSAGE;
        }
        return ROW_CHANGE;
    }
}
