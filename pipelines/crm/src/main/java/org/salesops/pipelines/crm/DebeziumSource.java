package org.salesops.pipelines.crm;

/**
 * The {@code source} block of a Debezium change event: where and when the change happened.
 *
 * @param connector "postgresql", "mysql", ...
 * @param name      the connector's logical server name (its topic.prefix), "crm" for our CRM
 * @param db        the database
 * @param schema    the PostgreSQL schema, null for MySQL
 * @param table     the table, null or empty for events that concern no table
 * @param tsMs      when the change was committed in the database (epoch millis)
 * @param lsn       PostgreSQL WAL position, null for other sources
 * @param txId      the database transaction id, null when absent
 */
public record DebeziumSource(String connector, String name, String db, String schema, String table,
                             Long tsMs, Long lsn, Long txId) {

    /**
     * The topic Debezium routes this table's events to by default: prefix.schema.table for
     * PostgreSQL, prefix.database.table for MySQL (which has no schemas); null when the event names
     * no table.
     */
    public String defaultTopic() {
        if (name == null || table == null || table.isEmpty()) {
            return null;
        }
        return name + "." + (schema != null ? schema : db) + "." + table;
    }
}
