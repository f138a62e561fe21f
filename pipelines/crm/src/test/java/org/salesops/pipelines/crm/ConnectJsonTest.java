package org.salesops.pipelines.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.salesops.pipelines.common.RejectedInput;

/** The {schema, payload} wrapper read part by part, against Jackson's whole-document tree. */
class ConnectJsonTest {

    static List<Samples.Event> events() {
        return Samples.debeziumEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void readsEverySampleAsTheWholeTreeSays(Samples.Event event) throws Exception {
        JsonNode whole = ConnectJson.MAPPER.readTree(event.bytes());
        boolean wrapped = whole.isObject() && whole.has("schema") && whole.has("payload");

        ConnectJson json = ConnectJson.read(event.bytes(), "value");

        assertThat(json.payload()).isEqualTo(wrapped ? whole.get("payload") : whole);
        assertThat(json.schema()).isEqualTo(wrapped && whole.get("schema").isObject() ? whole.get("schema") : null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void readsASampleWhoseSchemaIsKnownAsTheWholeTreeSays(Samples.Event event) throws Exception {
        ConnectJson.read(event.bytes(), "value"); // now its schema, if any, is known

        readsEverySampleAsTheWholeTreeSays(event);
    }

    @Test
    void readsAKnownSchemaFollowedByMoreThanOnePayloadTokenByToken() throws RejectedInput {
        String schema = "{\"type\":\"struct\",\"fields\":[],\"name\":\"crm.known.Key\"}";
        ConnectJson known = ConnectJson.read(bytes("{\"schema\":" + schema + ",\"payload\":{\"id\":1}}"), "key");

        ConnectJson more = ConnectJson.read(bytes("{\"schema\":" + schema + ",\"payload\":{\"id\":3},\"x\":1}"), "key");

        assertThat(more.schema()).isSameAs(known.schema());
        assertThat(more.payload().get("id").longValue()).isEqualTo(3);
        for (String malformed : List.of(",\"payload\":{\"id\":3}}}", ",\"payload\":1 2}", ",\"payload\":}", ",\"payload\":{\"id\":}")) {
            assertThatThrownBy(() -> ConnectJson.read(bytes("{\"schema\":" + schema + malformed), "key"))
                    .isInstanceOf(RejectedInput.class).hasMessageStartingWith("malformed JSON in the key: ");
        }
    }

    @Test
    void readsEachDistinctSchemaOnce() throws RejectedInput {
        String schema = "{\"type\":\"struct\",\"fields\":[{\"type\":\"int64\",\"field\":\"id\"}],\"name\":\"crm.leads.Key\"}";
        ConnectJson first = ConnectJson.read(bytes("{\"schema\":" + schema + ",\"payload\":{\"id\":1}}"), "key");
        ConnectJson second = ConnectJson.read(bytes("{\"payload\":{\"id\":2},\"schema\":" + schema + "}"), "key");

        assertThat(second.schema()).isSameAs(first.schema());
        assertThat(first.schemaName()).isEqualTo("crm.leads.Key");
        assertThat(second.payload().get("id").longValue()).isEqualTo(2);
    }

    @Test
    void keepsWhatIsNotAWrapperWhole() throws RejectedInput {
        ConnectJson bare = ConnectJson.read(bytes("{\"schema\":{\"type\":\"string\"},\"op\":\"c\"}"), "value");
        assertThat(bare.schema()).isNull();
        assertThat(bare.payload().get("op").textValue()).isEqualTo("c");
        assertThat(bare.payload().get("schema").get("type").textValue()).isEqualTo("string");

        ConnectJson nullPayload = ConnectJson.read(bytes("{\"schema\":null,\"payload\":null}"), "value");
        assertThat(nullPayload.schema()).isNull();
        assertThat(nullPayload.payload().isNull()).isTrue();

        assertThat(ConnectJson.read(bytes("[1, 2]"), "value").payload().size()).isEqualTo(2);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"{\"payload\":{}} {}", "{\"payload\":1}]", "17 18", "{\"a\":1,}", "{\"payload\":{\"op\":"})
    void rejectsMalformedJsonAndTrailingContent(String text) {
        assertThatThrownBy(() -> ConnectJson.read(bytes(text), "value"))
                .isInstanceOf(RejectedInput.class).hasMessageStartingWith("malformed JSON in the value: ");
    }

    @Test
    void rejectsNothingAtAll() {
        assertThatThrownBy(() -> ConnectJson.read(bytes("  "), "key"))
                .isInstanceOf(RejectedInput.class).hasMessage("malformed JSON in the key: it is empty");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
