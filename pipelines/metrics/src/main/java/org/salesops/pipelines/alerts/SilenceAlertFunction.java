package org.salesops.pipelines.alerts;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * One alert rule's deadlines for one subject (key {@code rule:subjectId}), in event time.
 *
 * <p>A WATCH starts an episode of silence; if no TOUCH or STOP comes before its deadline (or before
 * the subject became known, when that was later) the alert opens, and if still unanswered it
 * escalates at the escalation time. A TOUCH resolves the alert and, for dwell rules, restarts the
 * silence from the action; a STOP resolves it and forgets the subject. A WATCH with another silence
 * start is a new episode and resolves the previous alert (changing the record is an action).
 *
 * <p>Events are applied in event-time order, not arrival order: each waits for the watermark to
 * pass its timestamp, so a STOP committed after a deadline still lets the alert open first, and a
 * STOP committed before it prevents the alert however late it arrives. Events at the same instant
 * as a deadline are applied before it: an action at the deadline is in time.
 */
public class SilenceAlertFunction extends KeyedProcessFunction<String, SilenceEvent, Alert> {

    private static final long serialVersionUID = 1L;

    private final WorkingCalendar calendar;
    private transient ValueState<SilenceEpisode> episode;
    private transient MapState<Long, List<SilenceEvent>> pending;

    public SilenceAlertFunction(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void open(OpenContext context) {
        episode = getRuntimeContext().getState(new ValueStateDescriptor<>("episode", SilenceEpisode.class));
        pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending", Types.LONG,
                Types.LIST(TypeInformation.of(SilenceEvent.class))));
    }

    @Override
    public void processElement(SilenceEvent event, Context ctx, Collector<Alert> out) throws Exception {
        long at = ctx.timestamp();
        List<SilenceEvent> waiting = pending.get(at);
        List<SilenceEvent> events = waiting == null ? new ArrayList<>() : new ArrayList<>(waiting);
        events.add(event);
        pending.put(at, events);
        // A late event (at or below the watermark) is applied at the next watermark.
        ctx.timerService().registerEventTimeTimer(at);
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        List<SilenceEvent> due = pending.get(time);
        if (due != null) {
            pending.remove(time);
            if (pending.isEmpty()) {
                pending.clear();
            }
            // Events of one instant (a snapshot, one transaction) in a fixed order, whatever their arrival:
            // the subject first, then the actions on it by time, then its end.
            List<SilenceEvent> ordered = new java.util.ArrayList<>(due);
            ordered.sort(java.util.Comparator.comparingInt(SilenceAlertFunction::applyOrder)
                    .thenComparingLong(e -> SilenceEvent.TOUCH.equals(e.kind) ? e.at : e.silenceStart));
            for (SilenceEvent event : ordered) {
                apply(event, time, ctx, out);
            }
        }
        SilenceEpisode current = episode.value();
        if (current == null) {
            return;
        }
        boolean changed = false;
        if (!current.alerting() && current.opensAt <= time) {
            out.collect(current.opened());
            current.alertStatus = Alert.OPEN;
            changed = true;
        }
        if (Alert.OPEN.equals(current.alertStatus) && current.escalatesAt <= time) {
            current.alertStatus = Alert.ESCALATED;
            out.collect(current.alert());
            changed = true;
        }
        if (changed) {
            episode.update(current);
        }
    }

    private static int applyOrder(SilenceEvent event) {
        return switch (event.kind) {
            case SilenceEvent.WATCH -> 0;
            case SilenceEvent.TOUCH -> 1;
            default -> 2;
        };
    }

    private void apply(SilenceEvent event, long at, Context ctx, Collector<Alert> out) throws Exception {
        SilenceEpisode current = episode.value();
        switch (event.kind) {
            case SilenceEvent.WATCH -> {
                if (current != null && event.silenceStart <= current.silenceStart) {
                    return; // the same episode again, or an older one
                }
                end(current, at, ctx, out);
                begin(SilenceEpisode.of(event, at), ctx);
            }
            case SilenceEvent.TOUCH -> {
                if (current == null || event.at <= current.silenceStart) {
                    return; // nothing awaited, or the action predates this silence
                }
                end(current, at, ctx, out);
                if (current.threshold == null) {
                    episode.clear();
                } else {
                    begin(current.restartedAt(event.at, at, calendar), ctx);
                }
            }
            case SilenceEvent.STOP -> {
                end(current, at, ctx, out);
                episode.clear();
            }
            default -> throw new IllegalArgumentException("unknown silence event " + event);
        }
    }

    private void begin(SilenceEpisode next, Context ctx) throws Exception {
        episode.update(next);
        ctx.timerService().registerEventTimeTimer(next.opensAt);
        ctx.timerService().registerEventTimeTimer(next.escalatesAt);
    }

    /** Resolves the episode's alert if it is up, and drops the episode's timers. */
    private void end(SilenceEpisode current, long at, Context ctx, Collector<Alert> out) throws Exception {
        if (current == null) {
            return;
        }
        if (current.alerting()) {
            out.collect(current.alert().resolved(at));
        }
        dropTimer(current.opensAt, ctx);
        dropTimer(current.escalatesAt, ctx);
    }

    /** A timer at the same instant may also wake pending events: keep it then. */
    private void dropTimer(long time, Context ctx) throws Exception {
        if (!pending.contains(time)) {
            ctx.timerService().deleteEventTimeTimer(time);
        }
    }
}
