package org.salesops.pipelines.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * schemas/input/crm-change-event.schema.json against real PostgreSQL connector output, the
 * writer's output and the hand-written events: the contract describes what really arrives.
 */
class CrmChangeEventSchemaTest {

    private static final JsonSchema SCHEMA = load();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "apache__flink/debezium-postgres-data-schema-exclude.txt",
            "apache__flink/debezium-postgres-data-schema-include.txt"})
    void acceptsEveryEventOfARealReplicaIdentityFullStream(String file) throws IOException {
        for (Samples.Event event : Samples.events(file)) {
            assertThat(SCHEMA.validate(ConnectJson.MAPPER.readTree(event.json()))).as(event.toString()).isEmpty();
        }
    }

    @Test
    void refusesTheUpdatesAndDeletesOfAReplicaIdentityDefaultStream() throws IOException {
        List<String> refusedOps = new ArrayList<>();
        for (Samples.Event event : Samples.events("apache__flink/debezium-postgres-data-replica-identity.txt")) {
            JsonNode json = ConnectJson.MAPPER.readTree(event.json());
            if (!SCHEMA.validate(json).isEmpty()) {
                refusedOps.add(json.get("op").asText());
            }
        }
        // before is null on u and d without REPLICA IDENTITY FULL, which the CRM contract requires
        assertThat(refusedOps).containsExactly("u", "u", "u", "u", "d");
    }

    @Test
    void acceptsWhatTheWriterWritesForEveryTableOpAndFlag() throws IOException {
        CrmChangeWriter writer = new CrmChangeWriter();
        int checked = 0;
        for (String table : CrmSchema.load().tables().keySet()) {
            for (CrmChange change : CrmChangeWriterTest.changesOf(table)) {
                for (boolean wrapper : new boolean[] {false, true}) {
                    for (boolean base64 : new boolean[] {false, true}) {
                        Set<ValidationMessage> problems = SCHEMA.validate(
                                ConnectJson.MAPPER.readTree(writer.value(change, wrapper, base64)));
                        assertThat(problems).as("%s %s wrapper=%s base64=%s", table, change.op(), wrapper, base64).isEmpty();
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(16 * 5 * 4);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"leads-create.json", "opportunities-update.json", "users-delete.json",
            "activities-snapshot-read.json", "contracts-create-wrapped-precise.json", "delivery-schedule-update-wrapped.json"})
    void acceptsTheHandWrittenCrmEvents(String resource) {
        assertThat(SCHEMA.validate(TestEvents.json(resource))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"heartbeat.json", "leads-key.json"})
    void refusesWhatIsNoChangeEvent(String resource) {
        assertThat(SCHEMA.validate(TestEvents.json(resource))).isNotEmpty();
    }

    private static JsonSchema load() {
        try (InputStream in = CrmChangeEventSchemaTest.class.getResourceAsStream("/schemas/input/crm-change-event.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("crm-change-event.schema.json is not on the classpath (schemas module)");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
