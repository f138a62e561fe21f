package org.salesops.jobs.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.salesops.pipelines.bank.BankTransaction;
import org.salesops.pipelines.calls.CallRecord;
import org.salesops.pipelines.common.DuplicateFilter;
import org.salesops.pipelines.common.KafkaRecord;
import org.salesops.pipelines.crm.CrmChange;
import org.salesops.pipelines.integrity.Anomaly;
import org.salesops.pipelines.matching.CommissionEntry;
import org.salesops.pipelines.matching.InvoiceBalance;
import org.salesops.pipelines.matching.PaymentAllocation;
import org.salesops.pipelines.matching.PaymentMatch;
import org.salesops.pipelines.matching.PaymentMatching;
import org.salesops.pipelines.integrity.FollowUpLogGap;
import org.salesops.pipelines.integrity.IntegrityAnomalies;
import org.salesops.pipelines.metrics.response.LeadResponse;
import org.salesops.pipelines.metrics.response.LeadResponseTimes;
import org.salesops.pipelines.process.CommitmentLife;
import org.salesops.pipelines.process.DiscoveryDaily;
import org.salesops.pipelines.process.FollowUpDiscovery;
import org.salesops.pipelines.process.ProcessMetrics;
import org.salesops.pipelines.process.QuoteFeedback;
import org.salesops.pipelines.process.UnregisteredCommitment;
import org.salesops.pipelines.routine.DailyReportSettings;
import org.salesops.pipelines.routine.DailyReportStatus;
import org.salesops.pipelines.routine.DailyReportStatuses;
import org.salesops.pipelines.tables.RowConverter;
import org.salesops.pipelines.tables.TableDefinition;
import org.salesops.pipelines.tables.TableDefinitions;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.salesops.pipelines.alerts.Alert;
import org.salesops.pipelines.alerts.AlertRecipients;
import org.salesops.pipelines.alerts.DeadlineAlerts;

/**
 * The ingest job: each input family is de-duplicated, parsed and routed to its typed raw tables;
 * whatever cannot be loaded goes to the dead-letter table; and lead response time is computed
 * from the parsed CRM changes and calls into a gold table. Sources and sinks are injected, so the
 * same wiring runs on Kafka and Iceberg or on bounded test inputs.
 */
public final class IngestJob {

    public static final String CRM_TOPICS = "crm\\.public\\..*";
    public static final String CALL_TOPIC = "pbx.cdr";
    public static final String BANK_TOPIC = "bank.camt054";
    /** Statement files (camt.053/052, MT940/MT942, Chinese bank CSV), one whole file per record, keyed by file name. */
    public static final String STATEMENT_TOPIC = "bank.statements";
    /** The bank source reads both: real-time notifications and dropped statement files. */
    public static final String BANK_TOPICS = "bank\\.(camt054|statements)";

    /** The three input families. */
    public record Sources(RecordSource crm, RecordSource calls, RecordSource bank) {
    }

    private static final OutputTag<Map<String, Object>> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(new TypeHint<Map<String, Object>>() { }));

    private static final List<String> GOLD_TABLES = List.of("lead_response", "alerts", "follow_up_discovery",
            "discovery_daily", "commitments", "unregistered_commitments", "quote_feedback", "integrity_anomalies",
            "follow_up_log_gap", "daily_report_status", "payment_matches", "payment_allocations", "invoice_balances",
            "commission_ledger");

    /** Turns a domain value into its table row (one per output type). */
    @FunctionalInterface
    interface RowOf<T> extends java.io.Serializable {
        Map<String, Object> row(T value);
    }

    private final Sources sources;
    private final TableSink sink;
    private final ResultPublisher publisher;
    private final IngestSettings settings;

    public IngestJob(Sources sources, TableSink sink, ResultPublisher publisher, IngestSettings settings) {
        this.sources = sources;
        this.sink = sink;
        this.publisher = publisher;
        this.settings = settings;
    }

    /** Every table this job writes, for creating them before it starts. */
    public static List<TableDefinition> tables() {
        List<TableDefinition> tables = new ArrayList<>(TableDefinitions.rawTables());
        for (String gold : GOLD_TABLES) {
            tables.add(TableDefinitions.load("gold/" + gold));
        }
        return tables;
    }

    public void build(StreamExecutionEnvironment env) {
        List<DataStream<Map<String, Object>>> deadLetters = new ArrayList<>();

        DataStream<CrmChange> crm = ingest(env, InputFamily.crm(), sources.crm(), deadLetters);
        DataStream<CallRecord> calls = ingest(env, InputFamily.calls(), sources.calls(), deadLetters);
        DataStream<BankTransaction> bank = ingest(env, InputFamily.bank(), sources.bank(), deadLetters);

        @SuppressWarnings("unchecked")
        DataStream<Map<String, Object>>[] others = deadLetters.subList(1, deadLetters.size()).toArray(DataStream[]::new);
        this.<Map<String, Object>>write(deadLetters.get(0).union(others), "raw/dead_letters", row -> row);

        // Event time is the Kafka record time, watermarked per partition at the source (see watermarks()).
        LeadResponseTimes.Streams responseTimes =
                LeadResponseTimes.compute(crm, calls, settings.responseTime());
        write(responseTimes.responses(), "gold/lead_response", LeadResponse::toRow);

        ProcessMetrics.Streams process = ProcessMetrics.compute(crm, settings.process());
        write(process.followUpDiscovery(), "gold/follow_up_discovery", FollowUpDiscovery::toRow);
        write(process.discoveryDaily(), "gold/discovery_daily", DiscoveryDaily::toRow);
        write(process.commitments(), "gold/commitments", CommitmentLife::toRow);
        write(process.unregisteredCommitments(), "gold/unregistered_commitments", UnregisteredCommitment::toRow);
        write(process.quoteFeedback(), "gold/quote_feedback", QuoteFeedback::toRow);
        IntegrityAnomalies.Streams integrity = IntegrityAnomalies.compute(crm, calls, settings.integrity());
        write(integrity.anomalies(), "gold/integrity_anomalies", Anomaly::toRow);
        write(integrity.logGaps(), "gold/follow_up_log_gap", FollowUpLogGap::toRow);

        DailyReportStatuses.Streams dailyReports =
                DailyReportStatuses.compute(crm, DailyReportSettings.defaults(), settings.calendar());
        write(dailyReports.statuses(), "gold/daily_report_status", DailyReportStatus::toRow);

        DataStream<Alert> deadlineAlerts = DeadlineAlerts.compute(crm, settings.calendar());
        DataStream<Alert> alerts = responseTimes.alerts().union(deadlineAlerts, dailyReports.alerts())
                .keyBy(alert -> alert.ownerId, Types.LONG)
                .connect(crm
                        .flatMap((CrmChange c, Collector<AlertRecipients.ManagerLink> out) ->
                                AlertRecipients.managerLink(c).ifPresent(out::collect))
                        .returns(AlertRecipients.ManagerLink.class).name("org chart").uid("org-chart")
                        .broadcast(AlertRecipients.MANAGERS))
                .process(new AlertRecipients()).returns(Alert.class)
                .name("alert recipients").uid("alert-recipients");
        write(alerts, "gold/alerts", Alert::toRow);
        publisher.alerts(alerts);

        PaymentMatching.Streams matching = PaymentMatching.compute(crm, bank, settings.matching());
        write(matching.matches(), "gold/payment_matches", PaymentMatch::toRow);
        write(matching.allocations(), "gold/payment_allocations", PaymentAllocation::toRow);
        write(matching.balances(), "gold/invoice_balances", InvoiceBalance::toRow);
        write(matching.commission(), "gold/commission_ledger", CommissionEntry::toRow);
        publisher.paymentMatches(matching.matches());
    }

    /**
     * Event time is the Kafka record time: for a CRM change Debezium's commit time, for a call record
     * the end of the call. Watermarks are generated per Kafka partition in the source, so topics read
     * at different speeds (a replay) never make each other's records late; in a live run a quiet
     * partition's watermark follows the wall clock, so deadlines pass when nothing arrives.
     */
    private WatermarkStrategy<KafkaRecord> watermarks() {
        Duration outOfOrderness = settings.outOfOrderness();
        Duration idleness = settings.idleness();
        WatermarkStrategy<KafkaRecord> strategy = settings.liveClock()
                ? WatermarkStrategy.forGenerator(context ->
                        new LiveClockWatermarks(outOfOrderness, idleness, System::currentTimeMillis))
                : WatermarkStrategy.<KafkaRecord>forBoundedOutOfOrderness(outOfOrderness).withIdleness(idleness);
        return strategy.withTimestampAssigner((record, previous) -> record.timestamp);
    }

    private <T> DataStream<T> ingest(StreamExecutionEnvironment env, InputFamily<T> family, RecordSource source,
                                     List<DataStream<Map<String, Object>>> deadLetters) {
        // A statement file is the same file under any name: dropped twice, or exported again and renamed.
        DuplicateFilter dedup = new DuplicateFilter(settings.dedupMemory(), DEAD_LETTERS, Set.of(STATEMENT_TOPIC));
        SingleOutputStreamOperator<KafkaRecord> unique = source.open(env, watermarks())
                .keyBy(dedup::keyOf, TypeInformation.of(String.class))
                .process(dedup).returns(KafkaRecord.TYPE)
                .name(family.name() + ": drop re-deliveries").uid(family.name() + "-dedup");
        RecordRouter<T> router = new RecordRouter<>(family, DEAD_LETTERS, settings.allowedLateness());
        SingleOutputStreamOperator<T> parsed = unique.process(router).returns(family.type())
                .name(family.name() + ": parse and route").uid(family.name() + "-parse");
        for (TableDefinition table : family.tables()) {
            sink.write(parsed.getSideOutput(router.tagOf(table)), table);
        }
        deadLetters.add(unique.getSideOutput(DEAD_LETTERS));
        deadLetters.add(parsed.getSideOutput(DEAD_LETTERS));
        return parsed;
    }

    private <T> void write(DataStream<T> values, String tablePath, RowOf<T> rowOf) {
        TableDefinition table = TableDefinitions.load(tablePath);
        RowConverter converter = new RowConverter(table);
        sink.write(values.map(v -> converter.convert(rowOf.row(v)), InternalTypeInfo.of(converter.rowType()))
                .name(table.qualifiedName() + " rows").uid(table.qualifiedName() + "-rows"), table);
    }
}
