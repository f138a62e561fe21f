package org.salesops.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.salesops.pipelines.bank.BankTransaction;
import org.salesops.pipelines.bank.Camt054Writer;
import org.salesops.pipelines.common.KafkaRecord;

/**
 * Issue 4's bad input for finance, through the whole ingest job (MiniCluster at parallelism 2, bounded sources, real
 * Iceberg tables read back): a credit in a currency outside ISO 4217 and one in a real currency nothing is invoiced
 * in, amounts of zero and below zero, a statement file dropped twice, the same file again under its processed/ name,
 * and the same statement exported again under another statement reference. Each record ends typed or as a dead
 * letter with its reason, and no money is counted twice in gold.payment_matches, payment_allocations or
 * invoice_balances.
 */
class FinanceBadInputIngestTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    static final String ACCOUNT = "CN0000000000000000000001";
    static final long FIRST_INVOICE = 850001L;
    static final long SECOND_INVOICE = 850002L;

    /** Our account's statement of 2 March: one credit of 500.00 quoting the second invoice, without a bank reference. */
    static final String STATEMENT = """
            :20:STMT-0302
            :25:%s
            :28C:00001/001
            :60F:C260301CNY1000,00
            :61:2603020302C500,00NTRFNONREF
            :86:HUADA JIANCAI PAYMENT INV-2026-000002
            :62F:C260302CNY1500,00
            """.formatted(ACCOUNT);

    @TempDir
    static Path dir;
    static TempWarehouse warehouse;
    static final List<KafkaRecord> crm = new ArrayList<>();
    static final List<KafkaRecord> bank = new ArrayList<>();

    @BeforeAll
    static void runTheJobOverTheBadInput() throws Exception {
        // given: a customer with two issued invoices, 1000.00 and 500.00
        Map<String, Object> customer = IngestJobTest.row("customers", Map.of("id", 5L, "name", "华达建材",
                "legal_name", "佛山市华达建材有限公司", "updated_at", T0.minusSeconds(86_400)));
        Map<String, Object> contract = IngestJobTest.row("contracts", Map.of("id", 840001L, "opportunity_id", 700L,
                "customer_id", 5L, "owner_id", 7L, "contract_no", "HT-2026-00001", "amount", new BigDecimal("1500.00"),
                "currency", "CNY", "signed_at", T0.minusSeconds(86_400), "status", "active", "updated_at", T0.minusSeconds(86_400)));
        crm.add(IngestJobTest.crmRecord("customers", 0, IngestJobTest.change("customers", customer, T0.minusSeconds(86_400))));
        crm.add(IngestJobTest.crmRecord("contracts", 0, IngestJobTest.change("contracts", contract, T0.minusSeconds(86_400))));
        long offset = 0;
        for (Object[] invoice : new Object[][] {{FIRST_INVOICE, "INV-2026-000001", "1000.00"}, {SECOND_INVOICE, "INV-2026-000002", "500.00"}}) {
            Map<String, Object> row = IngestJobTest.row("invoices", Map.of("id", invoice[0], "contract_id", 840001L,
                    "customer_id", 5L, "invoice_no", invoice[1], "amount", new BigDecimal((String) invoice[2]), "currency", "CNY",
                    "issued_at", T0.minusSeconds(86_400), "status", "issued", "updated_at", T0.minusSeconds(86_400)));
            crm.add(IngestJobTest.crmRecord("invoices", offset++, IngestJobTest.change("invoices", row, T0.minusSeconds(86_400))));
        }

        // a notification: a credit paying the first invoice, one of 0.00, one in US dollars (nothing is invoiced in them)
        Camt054Writer camt = new Camt054Writer();
        String notification = camt.write("NTF-1", T0, ACCOUNT, List.of(credit("NTF-1-1", "1000.00", "CNY", "INV-2026-000001"),
                credit("NTF-1-2", "0.00", "CNY", "INV-2026-000002"), credit("NTF-1-3", "300.00", "USD", "INV-2026-000002")));
        bank.add(notification("bank.camt054", 0, notification));
        // a credit in a currency outside ISO 4217, and one whose amount is negative
        bank.add(notification("bank.camt054", 1, camt.write("NTF-2", T0, ACCOUNT, List.of(credit("NTF-2-1", "1000.00", "XYZ",
                "INV-2026-000001")))));
        bank.add(notification("bank.camt054", 2, camt.write("NTF-3", T0, ACCOUNT, List.of(credit("NTF-3-1", "777.00", "CNY",
                "INV-2026-000001"))).replace(">777.00<", ">-777.00<")));
        // the first notification delivered again
        bank.add(notification("bank.camt054", 3, notification));

        // the statement dropped, dropped again, moved back from processed/ under its timestamped name, and exported again
        // by the bank under another statement reference (other bytes, the same booking), an hour apart each
        bank.add(statement(0, 0, "stmt-0302.sta", STATEMENT));
        bank.add(statement(1, 1, "stmt-0302.sta", STATEMENT));
        bank.add(statement(2, 2, "20261128T050000-stmt-0302.sta", STATEMENT));
        bank.add(statement(3, 3, "stmt-0302-again.sta", STATEMENT.replace(":20:STMT-0302", ":20:STMT-0302-R")));

        warehouse = new TempWarehouse(dir);

        // when: the job runs over it at parallelism 2
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(Duration.ofSeconds(1).toMillis());
        new IngestJob(new IngestJob.Sources(IngestJobTest.bounded(crm), noRecords(), IngestJobTest.bounded(bank)), new IcebergTableSink(warehouse.loader), new CollectingPublisher(),
                IngestSettings.defaults()).build(env);
        env.execute("finance bad input");
    }

    @Test
    void everyBankRecordEndsTypedOrAsADeadLetterWithItsReason() throws Exception {
        Map<String, Set<String>> typedKeys = new HashMap<>();
        for (Record r : warehouse.read("raw.bank_transactions")) {
            typedKeys.computeIfAbsent(position(r, "_source_topic", "_source_partition", "_source_offset"), p -> new HashSet<>())
                    .add((String) r.getField("transaction_key"));
        }
        Map<String, Record> dead = new HashMap<>();
        for (Record r : warehouse.read("raw.dead_letters")) {
            if (((String) r.getField("source_topic")).startsWith("bank.")) {
                assertThat(dead.put(position(r, "source_topic", "source_partition", "source_offset"), r)).isNull();
            }
        }

        assertThat(typedKeys).containsOnlyKeys("bank.camt054/0@0", "bank.statements/0@0", "bank.statements/0@3");
        assertThat(typedKeys.get("bank.camt054/0@0")).containsExactlyInAnyOrder("NTF-1-1", "NTF-1-2", "NTF-1-3");
        assertThat(typedKeys.get("bank.statements/0@0")).hasSize(1);
        assertThat(typedKeys.get("bank.statements/0@3")).hasSize(1).doesNotContainAnyElementsOf(typedKeys.get("bank.statements/0@0"));
        assertThat(dead).containsOnlyKeys("bank.camt054/0@1", "bank.camt054/0@2", "bank.camt054/0@3",
                "bank.statements/0@1", "bank.statements/0@2");
        assertThat(reason(dead.get("bank.camt054/0@1"))).startsWith("rejected: ")
                .endsWith("Ntry[1]: Amt currency 'XYZ' is not an ISO 4217 currency code");
        assertThat(reason(dead.get("bank.camt054/0@2"))).startsWith("rejected: ")
                .endsWith("Ntry[1]: Amt '-777.00' is negative; the direction belongs in CdtDbtInd");
        assertThat(reason(dead.get("bank.camt054/0@3"))).isEqualTo(
                "duplicate: duplicate: the same record was already ingested from bank.camt054/0@0");
        assertThat(reason(dead.get("bank.statements/0@1"))).isEqualTo(
                "duplicate: duplicate: the same record was already ingested from bank.statements/0@0");
        assertThat(reason(dead.get("bank.statements/0@2"))).isEqualTo(
                "duplicate: duplicate: the same record was already ingested from bank.statements/0@0");
        // the dead letters keep the record as it came, so finance can see what was refused
        assertThat((String) dead.get("bank.camt054/0@1").getField("raw_payload")).contains("Ccy=\"XYZ\"");
    }

    @Test
    void eachTransactionHasOneMatchStateWithItsReasonAndTheStatementExportedAgainIsADuplicate() throws Exception {
        Map<String, Record> matches = new HashMap<>();
        for (Record m : warehouse.read("gold.payment_matches")) {
            assertThat(matches.put((String) m.getField("transaction_key"), m)).as("one row per transaction").isNull();
        }
        String statementLine = statementKey(0);
        String exportedAgain = statementKey(3);

        assertThat(matches).hasSize(5);
        assertThat(statusOf(matches.get("NTF-1-1"))).isEqualTo("auto_matched");
        assertThat(statusOf(matches.get("NTF-1-2"))).isEqualTo("not_a_customer_payment");
        assertThat((String) matches.get("NTF-1-2").getField("explanation")).contains("金额为0").contains("an amount of 0");
        assertThat(statusOf(matches.get("NTF-1-3"))).isEqualTo("unmatched");
        assertThat((String) matches.get("NTF-1-3").getField("explanation")).isNotBlank();
        assertThat(statusOf(matches.get(statementLine))).isEqualTo("auto_matched");
        assertThat(statusOf(matches.get(exportedAgain))).isEqualTo("duplicate");
        assertThat((String) matches.get(exportedAgain).getField("explanation")).contains(statementLine).contains("not applied twice");
        matches.values().forEach(m -> assertThat((String) m.getField("explanation")).as("%s", m).isNotBlank());
    }

    @Test
    void noMoneyIsCountedTwice() throws Exception {
        Map<String, String> applied = warehouse.read("gold.payment_allocations").stream()
                .filter(a -> ((BigDecimal) a.getField("amount")).signum() > 0)
                .collect(Collectors.toMap(a -> a.getField("transaction_key") + "->" + a.getField("invoice_id"),
                        a -> ((BigDecimal) a.getField("amount")).stripTrailingZeros().toPlainString()));
        Map<Long, Record> balances = new HashMap<>();
        for (Record b : warehouse.read("gold.invoice_balances")) {
            assertThat(balances.put((Long) b.getField("invoice_id"), b)).as("one balance per invoice").isNull();
        }

        assertThat(applied).containsOnly(Map.entry("NTF-1-1->" + FIRST_INVOICE, "1000"),
                Map.entry(statementKey(0) + "->" + SECOND_INVOICE, "500"));
        for (long invoice : List.of(FIRST_INVOICE, SECOND_INVOICE)) {
            Record b = balances.get(invoice);
            assertThat(b.getField("status")).as("invoice %d", invoice).isEqualTo("paid");
            assertThat(((BigDecimal) b.getField("open_amount")).signum()).isZero();
            assertThat((BigDecimal) b.getField("applied_amount")).isEqualByComparingTo((BigDecimal) b.getField("amount"));
            assertThat(b.getField("payments")).isEqualTo(1);
        }
    }

    /** The transaction key of the statement line read from the record at this offset of bank.statements. */
    static String statementKey(long offset) throws Exception {
        return warehouse.read("raw.bank_transactions").stream()
                .filter(r -> r.getField("_source_topic").equals("bank.statements") && r.getField("_source_offset").equals(offset))
                .map(r -> (String) r.getField("transaction_key")).findFirst().orElseThrow();
    }

    static String statusOf(Record match) {
        return (String) match.getField("status");
    }

    static String reason(Record deadLetter) {
        return deadLetter.getField("error_kind") + ": " + deadLetter.getField("error");
    }

    static String position(Record r, String topic, String partition, String offset) {
        return r.getField(topic) + "/" + r.getField(partition) + "@" + r.getField(offset);
    }

    /** A source of no records (a bounded source from data needs at least one element). */
    static RecordSource noRecords() {
        KafkaRecord none = new KafkaRecord("pbx.cdr", 0, 0, T0.toEpochMilli(), null, new byte[0]);
        return (env, watermarks) -> env.fromData(List.of(none), TypeInformation.of(KafkaRecord.class))
                .filter(r -> false).assignTimestampsAndWatermarks(watermarks);
    }

    static KafkaRecord notification(String topic, long offset, String document) {
        return new KafkaRecord(topic, 0, offset, T0.toEpochMilli(), null, document.getBytes(StandardCharsets.UTF_8));
    }

    /** A statement file dropped {@code hours} after T0. */
    static KafkaRecord statement(long offset, int hours, String fileName, String content) {
        return new KafkaRecord("bank.statements", 0, offset, T0.plusSeconds(3_600L * hours).toEpochMilli(),
                fileName.getBytes(StandardCharsets.UTF_8),
                content.getBytes(StandardCharsets.UTF_8));
    }

    static BankTransaction credit(String reference, String amount, String currency, String invoice) {
        LocalDate day = T0.atZone(ZoneOffset.UTC).toLocalDate();
        return new BankTransaction(reference, "camt.054.001.08", "NTF", ACCOUNT, new BigDecimal(amount), currency, day, day, T0,
                "BOOK", false, reference, null, "佛山市华达建材有限公司", "6222020200001234567", "货款 " + invoice, null,
                List.of(), "PMNT/RCDT/DMCT");
    }
}
