package org.salesops.jobs.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.salesops.pipelines.common.DeadLetter;
import org.salesops.pipelines.common.KafkaRecord;
import org.salesops.pipelines.common.RejectedInput;
import org.salesops.pipelines.tables.TableDefinition;

/**
 * Routes each record of one input family ({@link InputFamily#route}) to its typed tables (a side output per
 * table), passing the parsed values on for the metrics. A rejected record becomes one dead letter with the
 * reason. A record further behind the watermark than the allowed lateness is a dead letter too: the metrics
 * downstream have already decided the time it belongs to, so it is kept and named rather than silently folded in.
 * The job never fails on data.
 */
public class RecordRouter<T> extends ProcessFunction<KafkaRecord, T> {

    private final InputFamily<T> family;
    private final Map<String, OutputTag<RowData>> tags = new HashMap<>();
    private final OutputTag<Map<String, Object>> deadLetters;
    private final long allowedLatenessMillis;

    public RecordRouter(InputFamily<T> family, OutputTag<Map<String, Object>> deadLetters, Duration allowedLateness) {
        this.family = family;
        this.deadLetters = deadLetters;
        this.allowedLatenessMillis = allowedLateness.toMillis();
        for (TableDefinition table : family.tables()) {
            tags.put(table.qualifiedName(), new OutputTag<>(table.qualifiedName(), InternalTypeInfo.of(table.rowType())));
        }
    }

    public OutputTag<RowData> tagOf(TableDefinition table) {
        return tags.get(table.qualifiedName());
    }

    @Override
    public void processElement(KafkaRecord record, Context ctx, Collector<T> out) {
        InputFamily.Routed<T> routed;
        try {
            routed = family.route(record);
        } catch (RejectedInput e) {
            ctx.output(deadLetters, DeadLetter.row(record, DeadLetter.REJECTED, e.getMessage()));
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
        for (int i = 0; i < routed.values().size(); i++) {
            ctx.output(tags.get(routed.tables().get(i)), routed.rows().get(i));
            out.collect(routed.values().get(i));
        }
    }
}
