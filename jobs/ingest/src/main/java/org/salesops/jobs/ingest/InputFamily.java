package org.salesops.jobs.ingest;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.RowData;
import org.salesops.pipelines.bank.BankTransaction;
import org.salesops.pipelines.calls.CallRecord;
import org.salesops.pipelines.common.KafkaRecord;
import org.salesops.pipelines.common.RejectedInput;
import org.salesops.pipelines.crm.CrmChange;
import org.salesops.pipelines.tables.RowConverter;
import org.salesops.pipelines.tables.TableDefinition;
import org.salesops.pipelines.tables.TableDefinitions;

/**
 * One input family (CRM changes, call records, bank transactions): the topics it is read from, how one of its
 * Kafka records is parsed into domain values, and the typed table row of each value. No Flink here: the job's
 * {@link RecordRouter} and the replay benchmark's baselines route records through the same code.
 *
 * <p>A record is all or nothing: if any of its values cannot become a row, the whole record is rejected with the
 * reason.
 */
public final class InputFamily<T> implements Serializable {

    /** Parses one Kafka record into zero or more domain values. */
    @FunctionalInterface
    interface Parser<T> extends Serializable {
        List<T> parse(KafkaRecord record) throws RejectedInput;
    }

    /** Says which table a value belongs to and what its row is. */
    @FunctionalInterface
    interface Rows<T> extends Serializable {
        TableRow toRow(T value, KafkaRecord record);
    }

    record TableRow(String table, Map<String, Object> values) {
    }

    /** A record's values, and for each the qualified name of its table and its row there. */
    public record Routed<T>(List<T> values, List<String> tables, List<RowData> rows) {
    }

    /**
     * The longest text a field may hold. Longer is no name, number, note or remittance line but junk or an attack,
     * and once parsed it would be held in the metrics' state, where a few such values make every checkpoint too
     * large to complete, so the job would restart onto the same records for ever.
     */
    static final int MAX_TEXT_CHARS = 65_536;
    /**
     * The years a timestamp may fall in: Iceberg stores microseconds since 1970 in a long, so a year beyond about
     * 292,000 (a CRM field typed by hand, a broken clock) would overflow into a wrong time instead of failing.
     */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final String name;
    private final Pattern topics;
    private final Parser<T> parser;
    private final Rows<T> rows;
    private final List<TableDefinition> tables;
    private final TypeInformation<T> type;
    private final Map<String, RowConverter> converters = new HashMap<>();

    InputFamily(String name, String topics, Parser<T> parser, Rows<T> rows, List<TableDefinition> tables,
                TypeInformation<T> type) {
        this.name = name;
        this.topics = Pattern.compile(topics);
        this.parser = parser;
        this.rows = rows;
        this.tables = List.copyOf(tables);
        this.type = type;
        for (TableDefinition table : tables) {
            converters.put(table.qualifiedName(), new RowConverter(table));
        }
    }

    public static InputFamily<CrmChange> crm() {
        return new InputFamily<>("crm", IngestJob.CRM_TOPICS, Parsers::crm, RawRows::crm,
                TableDefinitions.rawTables().stream().filter(t -> t.name().startsWith("crm_")).toList(), CrmChange.TYPE);
    }

    public static InputFamily<CallRecord> calls() {
        return new InputFamily<>("calls", Pattern.quote(IngestJob.CALL_TOPIC), Parsers::calls, RawRows::call,
                List.of(TableDefinitions.load("raw/calls")), TypeInformation.of(CallRecord.class));
    }

    public static InputFamily<BankTransaction> bank() {
        return new InputFamily<>("bank", IngestJob.BANK_TOPICS, Parsers::bank, RawRows::bank,
                List.of(TableDefinitions.load("raw/bank_transactions")), TypeInformation.of(BankTransaction.class));
    }

    public static List<InputFamily<?>> all() {
        return List.of(crm(), calls(), bank());
    }

    public String name() {
        return name;
    }

    public boolean reads(String topic) {
        return topics.matcher(topic).matches();
    }

    /** The typed tables this family's values go to (dead letters go to raw.dead_letters, not listed). */
    public List<TableDefinition> tables() {
        return tables;
    }

    TypeInformation<T> type() {
        return type;
    }

    /**
     * Parses a record into its domain values only. A parser bug on strange input is a rejection too, saying what
     * broke: a stack overflow (input nested beyond a parser's recursion) only unwinds this record's parse.
     */
    public List<T> parse(KafkaRecord record) throws RejectedInput {
        try {
            return parser.parse(record);
        } catch (RuntimeException | StackOverflowError e) {
            throw crashed(e);
        }
    }

    /** Parses a record and makes each value's typed row; a crash making a row is a rejection as in {@link #parse}. */
    public Routed<T> route(KafkaRecord record) throws RejectedInput {
        List<T> values = parse(record);
        try {
            if (values.isEmpty()) {
                throw new RejectedInput("the record holds nothing to load (no change, call or transaction in it)");
            }
            List<String> tableNames = new ArrayList<>(values.size());
            List<RowData> converted = new ArrayList<>(values.size());
            for (T value : values) {
                TableRow row = rows.toRow(value, record);
                RowConverter converter = converters.get(row.table());
                if (converter == null) {
                    throw new RejectedInput("no table " + row.table() + " for this record");
                }
                checkValues(row);
                tableNames.add(row.table());
                converted.add(converter.convert(row.values()));
            }
            return new Routed<>(values, tableNames, converted);
        } catch (RuntimeException | StackOverflowError e) {
            throw crashed(e);
        }
    }

    private static RejectedInput crashed(Throwable e) {
        return new RejectedInput("could not be parsed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private static void checkValues(TableRow row) throws RejectedInput {
        for (Map.Entry<String, Object> field : row.values().entrySet()) {
            if (field.getValue() instanceof String text && text.length() > MAX_TEXT_CHARS) {
                throw new RejectedInput(row.table() + "." + field.getKey() + " is " + text.length()
                        + " characters long, more than the " + MAX_TEXT_CHARS + " a text field may hold");
            }
            if (field.getValue() instanceof Instant time && (time.isBefore(EARLIEST) || time.isAfter(LATEST))) {
                throw new RejectedInput(row.table() + "." + field.getKey() + " is " + time
                        + ", outside the years 1 to 9999 a timestamp may have");
            }
        }
    }
}
