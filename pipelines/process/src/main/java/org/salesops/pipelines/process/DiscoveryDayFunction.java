package org.salesops.pipelines.process;

import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by {@link #key rep and day} (company time zone, by when the follow-up happened): the day's
 * needs-discovery aggregate. Of each follow-up the latest version counts, and none if that is a
 * deletion or a withdrawal (it moved to another rep or day). Reported when the day ends (event
 * time) and again after each later change, once the watermark has passed it.
 *
 * <p>Which changes may still correct a day is decided by the change's own commit time, not by how
 * far the watermark happened to be when it arrived, so a replay always gives the same days: a change
 * committed within the lateness (default 48 h) after the day ends counts, a later one does not. Rows
 * of Debezium's initial snapshot always count: they are the day's history arriving for the first
 * time, not a late correction. State is kept one more lateness beyond the last change that counted,
 * so a change that arrives late (within the ingest's allowed lateness) still finds its day.
 */
public class DiscoveryDayFunction extends KeyedProcessFunction<String, FollowUpDiscovery, DiscoveryDaily> {

    private final ZoneId zone;
    private final long latenessMillis;

    private transient MapState<Long, FollowUpDiscovery> followUps;
    private transient ValueState<Boolean> changedSinceReport;
    private transient ValueState<Long> keptUntil;

    public DiscoveryDayFunction(ProcessSettings settings) {
        this.zone = settings.zone();
        this.latenessMillis = settings.discoveryLateness().toMillis();
    }

    /** The key of a follow-up's rep and day. */
    public static String key(FollowUpDiscovery followUp) {
        return followUp.ownerId + "@" + followUp.occurredDay;
    }

    @Override
    public void open(OpenContext openContext) {
        followUps = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("follow-ups", Long.class, FollowUpDiscovery.class));
        changedSinceReport = getRuntimeContext().getState(new ValueStateDescriptor<>("changed", Boolean.class));
        keptUntil = getRuntimeContext().getState(new ValueStateDescriptor<>("kept-until", Long.class));
    }

    @Override
    public void processElement(FollowUpDiscovery followUp, Context ctx, Collector<DiscoveryDaily> out) throws Exception {
        long lastMoment = endOf(followUp.occurredDay) - 1;
        long committedAt = followUp.version.committedAt;
        if (!followUp.snapshot && committedAt > lastMoment + latenessMillis) {
            return;
        }
        FollowUpDiscovery known = followUps.get(followUp.activityId);
        if (known != null && !followUp.version.isAfter(known.version)) {
            return;
        }
        followUps.put(followUp.activityId, followUp);
        changedSinceReport.update(true);
        long reportAt = Math.max(lastMoment, committedAt);
        ctx.timerService().registerEventTimeTimer(reportAt);
        long keep = Math.max(lastMoment + latenessMillis, committedAt) + latenessMillis;
        Long kept = keptUntil.value();
        if (kept == null || keep > kept) {
            keptUntil.update(keep);
            ctx.timerService().registerEventTimeTimer(keep);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<DiscoveryDaily> out) throws Exception {
        if (Boolean.TRUE.equals(changedSinceReport.value())) {
            FollowUpDiscovery any = followUps.values().iterator().next();
            DiscoveryDaily day = new DiscoveryDaily(any.ownerId, any.occurredDay);
            for (FollowUpDiscovery f : followUps.values()) {
                if (!f.deleted) {
                    day.add(f);
                }
            }
            out.collect(day);
            changedSinceReport.clear();
        }
        Long kept = keptUntil.value();
        if (kept != null && timestamp >= kept) {
            followUps.clear();
            changedSinceReport.clear();
            keptUntil.clear();
        }
    }

    private long endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
