package org.salesops.pipelines.crm;

/**
 * Where the CRM's change events live: Debezium's default routing with topic.prefix=crm gives one
 * topic per table, {@code crm.public.<table>} (see schemas/input/crm-source.sql).
 */
public final class CrmTopics {

    /** The connector's topic.prefix, which Debezium also writes as source.name. */
    public static final String SERVER_NAME = "crm";
    /** The PostgreSQL schema holding the CRM's tables. */
    public static final String SCHEMA = "public";

    private static final String PREFIX = SERVER_NAME + "." + SCHEMA + ".";

    private CrmTopics() {
    }

    public static String topic(String table) {
        return PREFIX + table;
    }

    /** The table a CRM topic carries, or null when the topic is not one of the CRM's. */
    public static String tableOf(String topic) {
        return topic != null && topic.startsWith(PREFIX) ? topic.substring(PREFIX.length()) : null;
    }
}
