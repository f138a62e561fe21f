package org.salesops.pipelines.crm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.salesops.pipelines.common.RejectedInput;

/**
 * The CRM parser on every real Debezium event in shared/samples/debezium: they come from demo
 * databases (inventory.customers, products, ...), so each is rejected, with the reason that fits it.
 */
class CrmChangeParserSampleTest {

    /** Where a sample would arrive if it were routed to us; only used when the event names no table. */
    private static final String DEMO_TOPIC = "dbserver1.inventory.customers";

    private final CrmChangeParser parser = new CrmChangeParser();

    static List<Samples.Event> events() {
        return Samples.debeziumEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void rejectsEveryDemoEventWithTheReasonThatFitsIt(Samples.Event event) {
        assertThatThrownBy(() -> parser.parse(DEMO_TOPIC, null, event.bytes()))
                .isInstanceOf(RejectedInput.class)
                .hasMessageStartingWith(SampleKind.of(event.file()).reason);
    }

    @Test
    void aDemoServersPublicCustomersTableIsNotTheCrmsEvenOnACrmTopic() {
        byte[] create = Samples.events("debezium__debezium/docs-extracted/postgresql-create-with-schema.json").get(0).bytes();

        assertThatThrownBy(() -> parser.parse("crm.public.customers", null, create))
                .isInstanceOf(RejectedInput.class)
                .hasMessage("unknown table PostgreSQL_server.public.customers: not one of the CRM's tables (crm.public.<table>)");
    }

    @Test
    void transactionAndSchemaChangeEventsSayWhatTheyAre() {
        assertThatThrownBy(() -> parser.parse(DEMO_TOPIC, null, sample("postgresql-transaction-metadata-end.json")))
                .hasMessage("transaction metadata event (END of transaction 571:53195832): not a row change");
        assertThatThrownBy(() -> parser.parse(DEMO_TOPIC, null, sample("mysql-schema-change-ddl.json")))
                .hasMessage("schema change event (ALTER TABLE customers ADD middle_name varchar(255) AFTER first_name)"
                        + ": not a row change");
        assertThatThrownBy(() -> parser.parse(DEMO_TOPIC, null, sample("postgresql-truncate.json")))
                .hasMessage("truncate event (op 't') on PostgreSQL_server.public.customers: not a row change"
                        + " (TRUNCATE removes every row without a delete event per row)");
    }

    private static byte[] sample(String docsFile) {
        return Samples.events("debezium__debezium/docs-extracted/" + docsFile).get(0).bytes();
    }
}
