package org.salesops.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.salesops.pipelines.bank.BankTransaction;
import org.salesops.pipelines.bank.Camt054Writer;
import org.salesops.pipelines.calls.AsteriskCdrWriter;
import org.salesops.pipelines.calls.CallRecord;
import org.salesops.pipelines.common.KafkaRecord;
import org.salesops.pipelines.crm.CrmChange;
import org.salesops.pipelines.crm.CrmChangeWriter;
import org.salesops.pipelines.crm.CrmSchema;
import org.salesops.pipelines.alerts.Alert;

/** The whole ingest job on a MiniCluster at parallelism 2, bounded inputs, real Iceberg tables read back. */
class IngestJobTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    static final CrmChangeWriter DEBEZIUM = new CrmChangeWriter();

    @TempDir
    static Path dir;
    static TempWarehouse warehouse;
    static final List<KafkaRecord> crm = new ArrayList<>();
    static final List<KafkaRecord> calls = new ArrayList<>();
    static final List<KafkaRecord> bank = new ArrayList<>();

    @BeforeAll
    static void runJobOnceOverEveryKindOfInput() throws Exception {
        // given: a rep, a lead assigned to him, a follow-up, a call, a bank notification — and bad input
        Map<String, Object> supervisor = row("users", Map.of("id", 3L, "name", "李娜", "role", "supervisor",
                "team_id", 1L, "active", true, "updated_at", T0.minusSeconds(86_400)));
        Map<String, Object> rep = row("users", Map.of("id", 7L, "name", "王磊", "role", "rep", "team_id", 1L,
                "manager_id", 3L, "extension", "8001", "active", true, "updated_at", T0.minusSeconds(86_400)));
        Map<String, Object> silentLead = row("leads", Map.of("id", 43L, "phone", "13900000000", "channel", "expo",
                "status", "assigned", "owner_id", 7L, "assigned_at", T0, "created_at", T0.minusSeconds(60),
                "updated_at", T0));
        Map<String, Object> lead = row("leads", Map.of("id", 42L, "phone", "138-0013-8000", "channel", "douyin",
                "status", "assigned", "owner_id", 7L, "assigned_at", T0, "created_at", T0.minusSeconds(60),
                "updated_at", T0));
        Map<String, Object> followUp = row("activities", Map.of("id", 900L, "lead_id", 42L, "owner_id", 7L,
                "type", "call", "occurred_at", T0.plusSeconds(7_200), "notes", "客户说:我们计划3月启动招标",
                "created_at", T0.plusSeconds(7_300), "updated_at", T0.plusSeconds(7_300)));
        // a customer with an issued invoice that the first bank credit quotes
        Map<String, Object> customer = row("customers", Map.of("id", 5L, "name", "华达建材",
                "legal_name", "佛山市华达建材有限公司", "updated_at", T0.minusSeconds(86_400)));
        Map<String, Object> contract = row("contracts", Map.of("id", 840001L, "opportunity_id", 700L, "customer_id", 5L,
                "owner_id", 7L, "contract_no", "HT-2026-00001", "amount", new BigDecimal("1000.00"), "currency", "CNY",
                "signed_at", T0.minusSeconds(86_400), "status", "active", "updated_at", T0.minusSeconds(86_400)));
        Map<String, Object> invoice = row("invoices", Map.of("id", 850001L, "contract_id", 840001L, "customer_id", 5L,
                "invoice_no", "INV-2026-000001", "amount", new BigDecimal("1000.00"), "currency", "CNY",
                "issued_at", T0.minusSeconds(86_400), "status", "issued", "updated_at", T0.minusSeconds(86_400)));
        crm.add(crmRecord("customers", 0, change("customers", customer, T0.minusSeconds(86_400))));
        crm.add(crmRecord("contracts", 0, change("contracts", contract, T0.minusSeconds(86_400))));
        crm.add(crmRecord("invoices", 0, change("invoices", invoice, T0.minusSeconds(86_400))));
        crm.add(crmRecord("users", 0, change("users", supervisor, T0.minusSeconds(86_400))));
        crm.add(crmRecord("users", 1, change("users", rep, T0.minusSeconds(86_400))));
        crm.add(crmRecord("leads", 2, change("leads", silentLead, T0)));
        crm.add(crmRecord("leads", 0, change("leads", lead, T0)));
        KafkaRecord activity = crmRecord("activities", 0, change("activities", followUp, T0.plusSeconds(7_300)));
        crm.add(activity);
        crm.add(new KafkaRecord("crm.public.activities", 0, 1, activity.timestamp, activity.key, activity.value)); // re-delivered
        crm.add(new KafkaRecord("crm.public.leads", 0, 1, T0.toEpochMilli(), null, "{\"payload\": {\"op\": ".getBytes(StandardCharsets.UTF_8)));
        crm.add(new KafkaRecord("crm.public.products", 0, 0, T0.toEpochMilli(), null,
                "{\"before\":null,\"after\":{\"id\":1},\"source\":{\"table\":\"products\",\"ts_ms\":1},\"op\":\"c\",\"ts_ms\":1}"
                        .getBytes(StandardCharsets.UTF_8)));

        CallRecord call = new CallRecord("asterisk", "1772413200.17", T0.plusSeconds(3_600), T0.plusSeconds(3_605),
                T0.plusSeconds(3_665), 65, 60, "outbound", "8001", null, "13800138000", "+8613800138000", "ANSWERED", true);
        calls.add(new KafkaRecord("pbx.cdr", 0, 0, T0.plusSeconds(3_665).toEpochMilli(), null,
                AsteriskCdrWriter.format(call, "from-internal", "SIP").getBytes(StandardCharsets.UTF_8)));
        calls.add(new KafkaRecord("pbx.cdr", 0, 1, T0.toEpochMilli(), null, "\"8001\",\"not a cdr".getBytes(StandardCharsets.UTF_8)));

        List<BankTransaction> credits = List.of(
                credit("NTF-1-1", "INV-2026-000001", "1000.00"), credit("NTF-1-2", null, "250.50"));
        bank.add(new KafkaRecord("bank.camt054", 0, 0, T0.toEpochMilli(), null, new Camt054Writer()
                .write("NTF-1", T0, "CN0000000000000000000001", credits).getBytes(StandardCharsets.UTF_8)));
        bank.add(new KafkaRecord("bank.camt054", 0, 1, T0.toEpochMilli(), null, "<Document><broken".getBytes(StandardCharsets.UTF_8)));
        // statement files dropped in the folder travel whole: a CMB export saved in GB18030, and an MT940 that does not add up
        byte[] cmb = new String(sample("cn-bank-export/deb-sig__double-entry-generator/cmb/credit/example-cmb-records.csv"),
                StandardCharsets.UTF_8).getBytes(Charset.forName("GB18030"));
        bank.add(new KafkaRecord("bank.statements", 0, 0, T0.toEpochMilli(), "招商银行信用卡.csv".getBytes(StandardCharsets.UTF_8), cmb));
        bank.add(new KafkaRecord("bank.statements", 1, 0, T0.toEpochMilli(), "ing.sta".getBytes(StandardCharsets.UTF_8),
                sample("mt940/zilverline__mt940/ing.txt")));

        warehouse = new TempWarehouse(dir);

        // when: the job runs over it at parallelism 2
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(Duration.ofSeconds(1).toMillis());
        new IngestJob(new IngestJob.Sources(bounded(crm), bounded(calls), bounded(bank)),
                new IcebergTableSink(warehouse.loader), new CollectingPublisher(),
                IngestSettings.defaults()).build(env);
        env.execute("ingest test");
    }

    @Test
    void everyRecordEndsInExactlyOnePlace() throws Exception {
        Set<String> accounted = new HashSet<>();
        int rows = 0;
        for (String table : List.of("raw.crm_users", "raw.crm_leads", "raw.crm_activities", "raw.crm_customers",
                "raw.crm_contracts", "raw.crm_invoices", "raw.calls", "raw.bank_transactions")) {
            for (Record r : read(table)) {
                accounted.add(r.getField("_source_topic") + "/" + r.getField("_source_partition") + "@" + r.getField("_source_offset"));
                rows++;
            }
        }
        List<Record> dead = read("raw.dead_letters");
        for (Record r : dead) {
            assertThat(accounted.add(r.getField("source_topic") + "/" + r.getField("source_partition") + "@"
                    + r.getField("source_offset"))).as("a dead letter is not also a typed row").isTrue();
        }
        assertThat(rows).isEqualTo(5 + 3 + 1 + 2 + 6);
        assertThat(accounted).hasSize(crm.size() + calls.size() + bank.size());
        assertThat(dead).extracting(r -> r.getField("error_kind"))
                .containsExactlyInAnyOrder("duplicate", "rejected", "rejected", "rejected", "rejected", "rejected");
        assertThat(dead).filteredOn(r -> r.getField("source_topic").equals("bank.statements"))
                .singleElement().satisfies(r -> assertThat((String) r.getField("error")).contains("reconcile"));
        assertThat(dead).allSatisfy(r -> assertThat((String) r.getField("error")).isNotBlank());
        assertThat(dead).anySatisfy(r -> assertThat((String) r.getField("error")).contains("products"));
    }

    @Test
    void typedRowsKeepTheirValuesAndTheChangeMetadata() throws Exception {
        Record lead = read("raw.crm_leads").stream().filter(r -> r.getField("id").equals(42L)).findFirst().orElseThrow();
        assertThat(lead.getField("_op")).isEqualTo("c");
        assertThat(lead.getField("phone")).isEqualTo("138-0013-8000");
        assertThat(lead.getField("channel")).isEqualTo("douyin");

        List<Record> tx = read("raw.bank_transactions").stream()
                .filter(r -> r.getField("_source_topic").equals("bank.camt054")).toList();
        assertThat(tx).extracting(r -> ((BigDecimal) r.getField("amount")).stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("1000", "250.5");
        assertThat(read("raw.calls").get(0).getField("remote_number")).isEqualTo("+8613800138000");
    }

    @Test
    void leadResponseTimeIsTheFirstConnectedCallByTheOwner() throws Exception {
        List<Record> response = read("gold.lead_response").stream()
                .filter(r -> r.getField("lead_id").equals(42L)).toList();

        assertThat(response).hasSize(1);
        assertThat(response.get(0).getField("contact_kind")).isEqualTo("call");
        assertThat(response.get(0).getField("response_minutes")).isEqualTo(60L);
        assertThat(response.get(0).getField("sla_met")).isEqualTo(true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLeadNobodyContactsRaisesOneAlertToTheRepAndSupervisorInIcebergAndOnThePublisher() throws Exception {
        List<Record> alerts = read("gold.alerts");

        assertThat(alerts).hasSize(1);
        Record alert = alerts.get(0);
        assertThat(alert.getField("alert_id")).isEqualTo("lead_not_contacted:lead:43:" + T0.toEpochMilli());
        assertThat(alert.getField("status")).isEqualTo("escalated"); // end of input: 48 h passed, nobody called
        assertThat((List<Object>) alert.getField("recipients")).containsExactly(7L, 3L);
        List<Alert> published = CollectingSink.COLLECTED.stream().filter(Alert.class::isInstance).map(Alert.class::cast).toList();
        assertThat(published).extracting(a -> a.status).containsExactly("open", "escalated");
        assertThat(published).allSatisfy(a -> assertThat(a.alertId).isEqualTo(alert.getField("alert_id")));
    }

    @Test
    void aStatementFileInGb18030BecomesOneRowPerTransaction() throws Exception {
        List<Record> fromFile = read("raw.bank_transactions").stream()
                .filter(r -> r.getField("_source_topic").equals("bank.statements")).toList();

        assertThat(fromFile).hasSize(6);
        assertThat(fromFile).extracting(r -> r.getField("source_format")).containsOnly(fromFile.get(0).getField("source_format"));
        assertThat((String) fromFile.get(0).getField("source_format")).containsIgnoringCase("cmb");
    }

    @Test
    void aCreditQuotingAnOpenInvoiceIsMatchedAtOncePaysItAndIsPublished() throws Exception {
        Record match = read("gold.payment_matches").stream()
                .filter(r -> r.getField("transaction_key").equals("NTF-1-1")).findFirst().orElseThrow();
        assertThat(match.getField("status")).isEqualTo("auto_matched");
        assertThat((String) match.getField("explanation")).contains("INV-2026-000001");
        Record balance = read("gold.invoice_balances").stream()
                .filter(r -> r.getField("invoice_id").equals(850001L)).findFirst().orElseThrow();
        assertThat(((BigDecimal) balance.getField("open_amount")).signum()).isZero();
        assertThat(balance.getField("status")).isEqualTo("paid");
        // every bank transaction has its match state, and finance's topic saw the match
        assertThat(read("gold.payment_matches")).hasSameSizeAs(read("raw.bank_transactions"));
        assertThat(CollectingSink.COLLECTED).anySatisfy(o -> assertThat(o).isInstanceOfSatisfying(
                org.salesops.pipelines.matching.PaymentMatch.class,
                m -> assertThat(m.status + " " + m.payment.transactionKey).isEqualTo("auto_matched NTF-1-1")));
    }

    /** A file of the shared third-party samples ({@code shared/samples} beside the project). */
    static byte[] sample(String relative) throws java.io.IOException {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("samples").resolve(relative);
            if (java.nio.file.Files.isRegularFile(candidate)) {
                return java.nio.file.Files.readAllBytes(candidate);
            }
        }
        throw new IllegalStateException("sample not found above " + Path.of("").toAbsolutePath() + ": " + relative);
    }

    static List<Record> read(String table) throws Exception {
        return warehouse.read(table);
    }

    static RecordSource bounded(List<KafkaRecord> records) {
        List<KafkaRecord> copy = List.copyOf(records);
        return (env, watermarks) -> env.fromData(copy, TypeInformation.of(KafkaRecord.class))
                .assignTimestampsAndWatermarks(watermarks);
    }

    static Map<String, Object> row(String table, Map<String, Object> values) {
        Map<String, Object> row = new HashMap<>();
        for (CrmSchema.Column c : CrmSchema.load().table(table).columns()) {
            row.put(c.name(), values.get(c.name()));
        }
        return row;
    }

    static CrmChange change(String table, Map<String, Object> after, Instant committedAt) {
        return new CrmChange(table, "c", null, after, committedAt, committedAt.toEpochMilli(), 1L);
    }

    static KafkaRecord crmRecord(String table, long offset, CrmChange change) {
        return new KafkaRecord("crm.public." + table, 0, offset, change.committedAt().toEpochMilli(),
                DEBEZIUM.key(change), DEBEZIUM.value(change, true, false));
    }

    static BankTransaction credit(String ref, String invoice, String amount) {
        return new BankTransaction(ref, "camt.054.001.08", "NTF-1", "CN0000000000000000000001",
                new BigDecimal(amount), "CNY", T0.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                T0.atZone(java.time.ZoneOffset.UTC).toLocalDate(), T0, "BOOK", false, ref, null,
                "佛山市华达建材有限公司", "6222020200001234567", invoice == null ? "货款" : "货款 " + invoice, null,
                List.of(), "PMNT/RCDT/DMCT");
    }
}
