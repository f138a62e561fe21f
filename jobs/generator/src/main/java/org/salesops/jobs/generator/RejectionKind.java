package org.salesops.jobs.generator;

/** Why an input must be refused and land in the dead-letter table. */
public enum RejectionKind {
    /** Not parseable as JSON (cut off, stray quote). */
    BROKEN_JSON,
    /** A Debezium envelope whose op is none of c, u, d, r. */
    UNKNOWN_OP,
    /** A change of a table the CRM schema does not have. */
    UNKNOWN_TABLE,
    /** Well-formed, but a value does not fit its column or field type. */
    WRONG_TYPE,
    /** An Asterisk cdr_csv line with fewer than its 18 columns. */
    TRUNCATED_CSV,
    /** Not well-formed XML (cut off, mismatched tags). */
    BROKEN_XML
}
