package org.salesops.pipelines.process;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.triggers.EventTimeTrigger;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * Tumbling event-time windows of one calendar day in the company's time zone, chosen by when the
 * follow-up happened (occurred_at), not by when the CRM committed it: the element timestamps are
 * commit times, which only drive the watermark (a day closes when the CRM's clock has passed it).
 */
public class CompanyDayWindows extends WindowAssigner<FollowUpDiscovery, TimeWindow> {

    private final ZoneId zone;

    public CompanyDayWindows(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Collection<TimeWindow> assignWindows(FollowUpDiscovery followUp, long timestamp, WindowAssignerContext context) {
        LocalDate day = Instant.ofEpochMilli(followUp.occurredAt).atZone(zone).toLocalDate();
        return List.of(new TimeWindow(startOf(day), startOf(day.plusDays(1))));
    }

    public LocalDate dayOf(TimeWindow window) {
        return Instant.ofEpochMilli(window.getStart()).atZone(zone).toLocalDate();
    }

    private long startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Trigger<FollowUpDiscovery, TimeWindow> getDefaultTrigger() {
        // EventTimeTrigger accepts any element; Java generics cannot say Trigger<Object> is a Trigger<FollowUpDiscovery>.
        return (Trigger) EventTimeTrigger.create();
    }

    @Override
    public TypeSerializer<TimeWindow> getWindowSerializer(ExecutionConfig executionConfig) {
        return new TimeWindow.Serializer();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public String toString() {
        return "CompanyDayWindows(" + zone + ")";
    }
}
