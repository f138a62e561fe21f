package org.salesops.jobs.ingest;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.salesops.pipelines.common.DeadLetter;
import org.salesops.pipelines.common.KafkaRecord;
import org.salesops.pipelines.common.RejectedInput;
import org.salesops.pipelines.tables.RowConverter;
import org.salesops.pipelines.tables.TableDefinition;

/**
 * Parses one input family and routes each parsed value to its typed table (a side output per
 * table), passing the values on for the metrics. A record is all or nothing: if any of its values
 * cannot become a row, the whole record becomes one dead letter with the reason. A record further
 * behind the watermark than the allowed lateness is a dead letter too: the metrics downstream have
 * already decided the time it belongs to, so it is kept and named rather than silently folded in.
 * The job never fails on data.
 */
public class RecordRouter<T> extends ProcessFunction<KafkaRecord, T> {

    /** Parses one Kafka record into zero or more domain values. */
    @FunctionalInterface
    public interface Parser<T> extends Serializable {
        List<T> parse(KafkaRecord record) throws RejectedInput;
    }

    /** Says which table a value belongs to and what its row is. */
    @FunctionalInterface
    public interface Rows<T> extends Serializable {
        TableRow toRow(T value, KafkaRecord record);
    }

    public record TableRow(String table, Map<String, Object> values) {
    }

    /**
     * The longest text a field may hold. Longer is no name, number, note or remittance line but junk or an attack,
     * and once parsed it would be held in the metrics' state, where a few such values make every checkpoint too
     * large to complete, so the job would restart onto the same records for ever.
     */
    public static final int MAX_TEXT_CHARS = 65_536;
    /**
     * The years a timestamp may fall in: Iceberg stores microseconds since 1970 in a long, so a year beyond about
     * 292,000 (a CRM field typed by hand, a broken clock) would overflow into a wrong time instead of failing.
     */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final Parser<T> parser;
    private final Rows<T> rows;
    private final Map<String, RowConverter> converters = new HashMap<>();
    private final Map<String, OutputTag<RowData>> tags = new HashMap<>();
    private final OutputTag<Map<String, Object>> deadLetters;
    private final long allowedLatenessMillis;

    public RecordRouter(Parser<T> parser, Rows<T> rows, List<TableDefinition> tables,
                        OutputTag<Map<String, Object>> deadLetters, Duration allowedLateness) {
        this.parser = parser;
        this.rows = rows;
        this.deadLetters = deadLetters;
        this.allowedLatenessMillis = allowedLateness.toMillis();
        for (TableDefinition table : tables) {
            RowConverter converter = new RowConverter(table);
            converters.put(table.qualifiedName(), converter);
            tags.put(table.qualifiedName(), new OutputTag<>(table.qualifiedName(), InternalTypeInfo.of(converter.rowType())));
        }
    }

    public OutputTag<RowData> tagOf(TableDefinition table) {
        return tags.get(table.qualifiedName());
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

    @Override
    public void processElement(KafkaRecord record, Context ctx, Collector<T> out) {
        List<T> values;
        List<TableRow> routed = new ArrayList<>();
        List<RowData> converted = new ArrayList<>();
        try {
            values = parser.parse(record);
            if (values.isEmpty()) {
                throw new RejectedInput("the record holds nothing to load (no change, call or transaction in it)");
            }
            for (T value : values) {
                TableRow row = rows.toRow(value, record);
                RowConverter converter = converters.get(row.table());
                if (converter == null) {
                    throw new RejectedInput("no table " + row.table() + " for this record");
                }
                checkValues(row);
                routed.add(row);
                converted.add(converter.convert(row.values()));
            }
        } catch (RejectedInput e) {
            ctx.output(deadLetters, DeadLetter.row(record, DeadLetter.REJECTED, e.getMessage()));
            return;
        } catch (RuntimeException | StackOverflowError e) {
            // A parser bug on strange input must not stop the job: keep the record and say what broke. A stack
            // overflow (input nested beyond a parser's recursion) only unwinds this record's parse, so it is safe
            // to go on; failing instead would restart the job onto the same record for ever.
            ctx.output(deadLetters, DeadLetter.row(record, DeadLetter.REJECTED,
                    "could not be parsed: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
            return;
        }
        // Checked after parsing: for a record both malformed and late, what is wrong with it is the more useful reason.
        long watermark = ctx.timerService().currentWatermark();
        if (watermark != Long.MIN_VALUE && record.timestamp < watermark - allowedLatenessMillis) {
            ctx.output(deadLetters, DeadLetter.row(record, DeadLetter.LATE, String.format(
                    "too late: its event time %s is %s behind the watermark %s, more than the allowed lateness %s",
                    Instant.ofEpochMilli(record.timestamp), Duration.ofMillis(watermark - record.timestamp),
                    Instant.ofEpochMilli(watermark), Duration.ofMillis(allowedLatenessMillis))));
            return;
        }
        for (int i = 0; i < routed.size(); i++) {
            ctx.output(tags.get(routed.get(i).table()), converted.get(i));
            out.collect(values.get(i));
        }
    }
}
