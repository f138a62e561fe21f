package org.salesops.pipelines.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.common.RejectedInput;

/** The published JSON Schema and the Java record describe the same thing. */
class BankTransactionSchemaTest {

    private static final String SCHEMA = "/schemas/input/bank-transaction.schema.json";

    private static JsonNode schema() throws IOException {
        try (InputStream in = BankTransactionSchemaTest.class.getResourceAsStream(SCHEMA)) {
            assertThat(in).as(SCHEMA + " on the classpath").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    private static List<String> components() {
        return Arrays.stream(BankTransaction.class.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    @Test
    void describesEveryComponentOfTheRecordAndNothingElse() throws IOException {
        JsonNode schema = schema();
        List<String> properties = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        List<String> required = new ArrayList<>();
        schema.get("required").forEach(name -> required.add(name.asText()));

        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        assertThat(properties).containsExactlyElementsOf(components());
        assertThat(required).containsExactlyElementsOf(components());
        schema.get("properties").fields().forEachRemaining(property ->
                assertThat(property.getValue().path("description").asText())
                        .as("description of " + property.getKey()).hasSizeGreaterThan(20));
    }

    @Test
    void statusesAndAmountsOfParsedSamplesFitTheSchema() throws IOException, RejectedInput {
        JsonNode properties = schema().get("properties");
        Pattern amount = Pattern.compile(properties.get("amount").get("pattern").asText());
        List<String> statuses = new ArrayList<>();
        properties.get("status").get("enum").forEach(status -> statuses.add(status.asText()));

        StatementFileParser parser = new StatementFileParser();
        List<BankTransaction> parsed = new ArrayList<>();
        for (String file : List.of(
                "camt053/Subite-eu__camt-to-coda/BE68793230773034-202411.xml",
                "camt053/dvbern__iso20022/camt.053_P_CH0309000000250090342_380000000_0_2016053100163801.xml",
                "camt054/Subite-eu__camt-to-coda/2024-03-07.xml",
                "camt054/dvbern__iso20022/camt_054_Beispiel_NoCrdtBookedNotReversed.xml",
                "mt940/fruitl00p__php-mt940/Bunq/sample",
                "mt940/wolph__mt940/betterplace/sepa_mt9401.sta",
                "cn-bank-export/deb-sig__double-entry-generator/boc/debit/example-boc-records.csv")) {
            parsed.addAll(parser.parse(Samples.read(file), file));
        }

        assertThat(parsed).extracting(BankTransaction::status).containsOnly(statuses.toArray(String[]::new))
                .contains("BOOK", "PDNG", "INFO");
        assertThat(parsed).allSatisfy(tx -> assertThat(tx.amount().toPlainString()).matches(amount));
    }
}
