package org.salesops.pipelines.process;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * One rep's day: of each follow-up in the window, the latest version counts, and none if that is a
 * deletion or a withdrawal (the follow-up moved to another rep or day). Fired when the day ends and
 * again for each late change within the allowed lateness; the sink upserts by (rep, day), so a day
 * whose follow-ups all went away is written with zero follow-ups rather than left stale.
 */
public class DiscoveryDailyFunction extends ProcessWindowFunction<FollowUpDiscovery, DiscoveryDaily, Long, TimeWindow> {

    private final CompanyDayWindows days;

    public DiscoveryDailyFunction(CompanyDayWindows days) {
        this.days = days;
    }

    @Override
    public void process(Long rep, Context context, Iterable<FollowUpDiscovery> versions, Collector<DiscoveryDaily> out) {
        Map<Long, FollowUpDiscovery> latest = new HashMap<>();
        for (FollowUpDiscovery v : versions) {
            latest.merge(v.activityId, v, (a, b) -> b.version.isAfter(a.version) ? b : a);
        }
        DiscoveryDaily day = new DiscoveryDaily(rep, days.dayOf(context.window()));
        latest.values().stream().filter(f -> !f.deleted).forEach(day::add);
        out.collect(day);
    }
}
