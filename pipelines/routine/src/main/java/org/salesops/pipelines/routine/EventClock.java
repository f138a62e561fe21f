package org.salesops.pipelines.routine;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.salesops.pipelines.crm.CrmChange;

/**
 * The CRM stream's event time (the element timestamps its watermarks follow), thinned to one tick per
 * new minute (its start, in epoch millis): how far the data has reached, broadcast to the daily-report
 * operator. Report deadlines are whole minutes, so the minute's start decides them exactly. Each
 * parallel instance ticks for what it sees; the operator keeps the latest.
 */
public class EventClock extends ProcessFunction<CrmChange, Long> {

    private static final long MINUTE = 60_000L;
    private transient long lastMinute;

    @Override
    public void open(OpenContext context) {
        lastMinute = Long.MIN_VALUE;
    }

    @Override
    public void processElement(CrmChange change, Context ctx, Collector<Long> out) {
        Long timestamp = ctx.timestamp();
        if (timestamp == null) {
            return;
        }
        long minute = Math.floorDiv(timestamp, MINUTE) * MINUTE;
        if (minute > lastMinute) {
            lastMinute = minute;
            out.collect(minute);
        }
    }
}
