package org.salesops.pipelines.routine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.salesops.pipelines.alerts.Alert;
import org.salesops.pipelines.alerts.WorkingCalendar;
import org.salesops.pipelines.common.EventTimeBuffer;

/**
 * Keyed by person (users.id): decides each working day's daily report in event time.
 *
 * <p>From the moment the CRM says a person is a rep on the payroll, every working day's deadline is
 * awaited with an event-time timer. At the deadline the day is on time when a report was known by
 * then (commit time; a report at the deadline is in time) and missing otherwise, which opens the
 * alert {@link #RULE} to the rep (their manager is added by the org chart). A report arriving after
 * the deadline makes the day late and resolves the alert.
 *
 * <p>Bad input: a second report for the same day counts once (the first decides the time, each tick
 * counts once); a change after the decision is noted ({@code edited_after_deadline}) but leaves the
 * decided status and ticks as they were; a report for a non-working day, or by someone who is not
 * a rep, is written as not_due and never counted; a re-delivered or stale change is ignored; a
 * report for a day whose deadline passed before the pipeline knew the rep (history in the initial
 * snapshot), or longer ago than the retention, is not judged.
 *
 * <p>Events are applied in event-time order: each waits for the watermark, and those of one instant
 * are applied people first, then in log order, before a deadline at that instant. Each day and each
 * report is forgotten once the retention has passed its deadline; a person who stops being a rep is
 * no longer awaited at once (their decided days stay until then, so a late edit still finds them).
 *
 * <p>The broadcast input is the latest event time anywhere in the CRM stream ({@link EventClock}).
 * When a bounded input ends, the final watermark would otherwise carry every rep through all the
 * working days to the end of time; it decides the deadlines the data reached, and no more.
 */
public class DailyReportFunction extends KeyedBroadcastProcessFunction<Long, RoutineEvent, Long, DailyReportStatus> {

    public static final String RULE = "daily_report_missing";
    /** The subject of the alert is the rep (users.id); one alert per working day, named by the day's start. */
    public static final String SUBJECT = "rep";
    public static final OutputTag<Alert> ALERTS = new OutputTag<>("daily-report-alerts", TypeInformation.of(Alert.class));
    /** The latest event time seen in the CRM stream, under the one key {@link #LATEST}. */
    public static final MapStateDescriptor<String, Long> CLOCK =
            new MapStateDescriptor<>("latest-event-time", Types.STRING, Types.LONG);
    private static final String LATEST = "latest";

    /** Events of one instant: people first, then in log order. */
    private static final Comparator<RoutineEvent> APPLY_ORDER = Comparator.comparing((RoutineEvent e) -> e.isPerson() ? 0 : 1)
            .thenComparingLong(e -> e.version.committedAt).thenComparingLong(e -> e.version.lsn)
            .thenComparingLong(e -> e.reportId);

    private final DailyReportSettings settings;
    private final WorkingCalendar calendar;
    private final long retentionMillis;
    private transient EventTimeBuffer<RoutineEvent> pending;
    private transient ValueState<RepOnPayroll> rep;
    private transient MapState<Long, KnownReport> reports;
    private transient MapState<Long, DailyReportStatus> days;

    public DailyReportFunction(DailyReportSettings settings, WorkingCalendar calendar) {
        this.settings = settings;
        this.calendar = calendar;
        this.retentionMillis = settings.retention().toMillis();
    }

    @Override
    public void open(OpenContext context) {
        pending = new EventTimeBuffer<>(getRuntimeContext().getMapState(
                EventTimeBuffer.state("pending", RoutineEvent.class)), APPLY_ORDER);
        rep = getRuntimeContext().getState(new ValueStateDescriptor<>("rep", RepOnPayroll.class));
        reports = getRuntimeContext().getMapState(new MapStateDescriptor<>("reports", Types.LONG,
                TypeInformation.of(KnownReport.class)));
        days = getRuntimeContext().getMapState(new MapStateDescriptor<>("days", Types.LONG,
                TypeInformation.of(DailyReportStatus.class)));
    }

    @Override
    public void processElement(RoutineEvent event, ReadOnlyContext ctx, Collector<DailyReportStatus> out) throws Exception {
        pending.hold(event, ctx.timestamp(), ctx.timerService());
    }

    @Override
    public void processBroadcastElement(Long latestEventTime, Context ctx, Collector<DailyReportStatus> out) throws Exception {
        BroadcastState<String, Long> clock = ctx.getBroadcastState(CLOCK);
        Long known = clock.get(LATEST);
        if (known == null || latestEventTime > known) {
            clock.put(LATEST, latestEventTime);
        }
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<DailyReportStatus> out) throws Exception {
        for (RoutineEvent event : pending.release(time)) {
            if (event.isPerson()) {
                applyPerson(event, time, ctx);
            } else {
                applyReport(event, time, ctx, out);
            }
        }
        RepOnPayroll current = rep.value();
        // A timer fired by the end of a bounded input decides only what the data reached.
        boolean inputEnded = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
        long reached = inputEnded ? Math.min(time, latestEventTime(ctx)) : time;
        while (current != null && current.nextDeadline <= reached) {
            decide(current, ctx, out);
        }
        forgetExpired(time);
    }

    /** The latest event time anywhere in the input; before any is known, none. */
    private static long latestEventTime(ReadOnlyContext ctx) throws Exception {
        Long latest = ctx.getBroadcastState(CLOCK).get(LATEST);
        return latest == null ? Long.MIN_VALUE : latest;
    }

    private void applyPerson(RoutineEvent person, long at, ReadOnlyContext ctx) throws Exception {
        RepOnPayroll current = rep.value();
        if (current != null && !person.version.isAfter(current.version)) {
            return;
        }
        if (!person.rep) {
            rep.clear(); // no longer held to the report; the awaited deadline's timer will find nobody
            return;
        }
        if (current == null) {
            current = new RepOnPayroll(at, person.teamId, person.version);
            await(current, firstWorkingDayFrom(at), ctx);
        } else {
            current.teamId = person.teamId;
            current.version = person.version;
        }
        rep.update(current);
    }

    private void applyReport(RoutineEvent change, long at, ReadOnlyContext ctx, Collector<DailyReportStatus> out) throws Exception {
        KnownReport known = reports.get(change.reportId);
        if (known != null && !change.version.isAfter(known.latest.version)) {
            return; // a re-delivery, or older than what was applied
        }
        LocalDate day = change.day();
        long deadline = settings.deadlineOf(day);
        RepOnPayroll current = rep.value();
        boolean tooOld = at >= deadline + retentionMillis;
        boolean beforeWatch = current != null && deadline < current.since && !days.contains(day.toEpochDay());
        if (tooOld || beforeWatch) {
            return;
        }
        reports.put(change.reportId, KnownReport.after(known, change, at));
        ctx.timerService().registerEventTimeTimer(deadline + retentionMillis);
        if (change.sameReportAs(known == null ? null : known.latest)) {
            return; // only updated_at moved: no edit
        }
        if (known != null && known.latest.reportDay != change.reportDay) {
            reportsChanged(known.latest.day(), at, ctx, out);
        }
        reportsChanged(day, at, ctx, out);
    }

    /** A report of the day appeared, changed or went: update the day's row if it is written. */
    private void reportsChanged(LocalDate day, long at, ReadOnlyContext ctx, Collector<DailyReportStatus> out) throws Exception {
        DayContent content = DayContent.of(reportsOf(day), settings.breakthroughs());
        DailyReportStatus decided = days.get(day.toEpochDay());
        RepOnPayroll current = rep.value();
        long deadline = settings.deadlineOf(day);
        DailyReportStatus next;
        if (decided == null) {
            if (content.empty() || (current != null && calendar.isWorkingDay(day))) {
                return; // nothing to say yet, or a day the rep owes: decided at its deadline
            }
            next = current == null
                    ? DailyReportStatus.notDue(ctx.getCurrentKey(), day, null, deadline, DailyReportStatus.NOT_A_REP, content)
                    : DailyReportStatus.notDue(ctx.getCurrentKey(), day, current.teamId, deadline,
                            DailyReportStatus.NON_WORKING_DAY, content);
        } else if (DailyReportStatus.NOT_DUE.equals(decided.status)) {
            next = decided.with(content);
        } else if (DailyReportStatus.MISSING.equals(decided.status)) {
            if (content.empty()) {
                return;
            }
            next = decided.withStatus(DailyReportStatus.LATE).with(content);
            ctx.output(ALERTS, missingAlert(decided).resolved(at));
        } else {
            next = decided.editedLater(content.submissions());
        }
        write(next, ctx, out);
    }

    /** The awaited deadline has come: on time, late (known only after it) or missing; then await the next working day. */
    private void decide(RepOnPayroll current, ReadOnlyContext ctx, Collector<DailyReportStatus> out) throws Exception {
        LocalDate day = LocalDate.ofEpochDay(current.nextDay);
        long deadline = current.nextDeadline;
        DayContent content = DayContent.of(reportsOf(day), settings.breakthroughs());
        String status = content.empty() ? DailyReportStatus.MISSING
                : content.first().knownAt <= deadline ? DailyReportStatus.ON_TIME : DailyReportStatus.LATE;
        DailyReportStatus decided = DailyReportStatus.owed(ctx.getCurrentKey(), day, current.teamId, deadline, status, content);
        if (content.empty()) {
            ctx.output(ALERTS, missingAlert(decided));
        }
        write(decided, ctx, out);
        await(current, nextWorkingDay(day), ctx);
        rep.update(current);
    }

    private void await(RepOnPayroll current, LocalDate day, ReadOnlyContext ctx) {
        current.nextDay = day.toEpochDay();
        current.nextDeadline = settings.deadlineOf(day);
        ctx.timerService().registerEventTimeTimer(current.nextDeadline);
    }

    private void write(DailyReportStatus next, ReadOnlyContext ctx, Collector<DailyReportStatus> out) throws Exception {
        if (!next.equals(days.get(next.reportDay))) {
            days.put(next.reportDay, next);
            out.collect(next);
        }
        ctx.timerService().registerEventTimeTimer(next.deadlineAt + retentionMillis);
    }

    private Alert missingAlert(DailyReportStatus day) {
        String message = "日报未按时提交 Daily report not submitted by the deadline: " + day.day() + " "
                + settings.deadline() + " (" + settings.zone() + ")";
        return Alert.open(RULE, SUBJECT, day.repId, day.repId, settings.startOf(day.day()), day.deadlineAt, message);
    }

    private List<KnownReport> reportsOf(LocalDate day) throws Exception {
        List<KnownReport> ofDay = new ArrayList<>();
        for (KnownReport report : reports.values()) {
            if (report.latest.reportDay == day.toEpochDay()) {
                ofDay.add(report);
            }
        }
        return ofDay;
    }

    /** The first working day whose deadline is at or after the instant. */
    private LocalDate firstWorkingDayFrom(long at) {
        LocalDate day = settings.dayOf(at);
        return calendar.isWorkingDay(day) && settings.deadlineOf(day) >= at ? day : nextWorkingDay(day);
    }

    private LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!calendar.isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** Days and reports whose deadline is longer ago than the retention. */
    private void forgetExpired(long time) throws Exception {
        List<Long> oldDays = new ArrayList<>();
        for (Long day : days.keys()) {
            if (settings.deadlineOf(LocalDate.ofEpochDay(day)) + retentionMillis <= time) {
                oldDays.add(day);
            }
        }
        for (Long day : oldDays) {
            days.remove(day);
        }
        List<Long> oldReports = new ArrayList<>();
        for (Map.Entry<Long, KnownReport> report : reports.entries()) {
            if (settings.deadlineOf(report.getValue().latest.day()) + retentionMillis <= time) {
                oldReports.add(report.getKey());
            }
        }
        for (Long id : oldReports) {
            reports.remove(id);
        }
        // An emptied map still counts as state in the heap backend until cleared.
        if (days.isEmpty()) {
            days.clear();
        }
        if (reports.isEmpty()) {
            reports.clear();
        }
    }
}
