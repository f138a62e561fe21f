package org.salesops.pipelines.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SchemaTreesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String LEADS = "{\"type\":\"struct\",\"name\":\"crm.public.leads.Envelope\"}";
    /** The same length as LEADS, one letter apart. */
    private static final String LEADZ = "{\"type\":\"struct\",\"name\":\"crm.public.leadz.Envelope\"}";

    @Test
    void readsEachDistinctTextOnceWhereverItStands() throws Exception {
        SchemaTrees trees = new SchemaTrees(MAPPER, 10);
        byte[] first = ("{\"schema\":" + LEADS + "}").getBytes(StandardCharsets.UTF_8);
        byte[] second = ("{\"payload\":1,\"schema\":" + LEADS + "}").getBytes(StandardCharsets.UTF_8);

        JsonNode tree = trees.tree(first, 10, LEADS.length());

        assertThat(tree).isEqualTo(MAPPER.readTree(LEADS));
        assertThat(trees.tree(second, 22, LEADS.length())).isSameAs(tree);
    }

    @Test
    void tellsApartTextsOfTheSameLength() throws Exception {
        SchemaTrees trees = new SchemaTrees(MAPPER, 10);

        JsonNode leads = trees.tree(bytes(LEADS), 0, LEADS.length());
        JsonNode leadz = trees.tree(bytes(LEADZ), 0, LEADZ.length());

        assertThat(leadz.path("name").textValue()).isEqualTo("crm.public.leadz.Envelope");
        assertThat(trees.tree(bytes(LEADS), 0, LEADS.length())).isSameAs(leads);
        assertThat(trees.tree(bytes(LEADZ), 0, LEADZ.length())).isSameAs(leadz);
    }

    @Test
    void findsAKnownTextWhereARecordHoldsItAndNothingElse() throws Exception {
        SchemaTrees trees = new SchemaTrees(MAPPER, 10);
        JsonNode leads = trees.tree(bytes(LEADS), 0, LEADS.length());
        byte[] record = bytes("{\"schema\":" + LEADS + ",\"payload\":{}}");

        SchemaTrees.Found found = trees.startingAt(record, 10);

        assertThat(found.tree()).isSameAs(leads);
        assertThat(found.length()).isEqualTo(LEADS.length());
        assertThat(trees.startingAt(bytes("{\"schema\":" + LEADZ + "}"), 10)).isNull();
        assertThat(trees.startingAt(bytes("{\"schema\":" + LEADS.substring(0, 20)), 10)).isNull();
    }

    @Test
    void forgetsEverythingWhenFullAndStillAnswers() throws Exception {
        SchemaTrees trees = new SchemaTrees(MAPPER, 2);
        JsonNode leads = trees.tree(bytes(LEADS), 0, LEADS.length());
        trees.tree(bytes(LEADZ), 0, LEADZ.length());
        trees.tree(bytes("{\"type\":\"int64\"}"), 0, 16);

        JsonNode again = trees.tree(bytes(LEADS), 0, LEADS.length());

        assertThat(again).isEqualTo(leads).isNotSameAs(leads);
    }

    @Test
    void remembersNothingThatIsNotJson() {
        SchemaTrees trees = new SchemaTrees(MAPPER, 10);

        assertThatThrownBy(() -> trees.tree(bytes("{\"type\":"), 0, 8)).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> trees.tree(bytes("{\"type\":"), 0, 8)).isInstanceOf(JsonProcessingException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
