package org.salesops.pipelines.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;

/**
 * Which days people work: Monday to Friday, minus public holidays, plus make-up workdays (调休),
 * read as data from schemas/calendars/. Outside the years the file covers only weekends are off.
 *
 * <p>Working time for SLAs: a working day counts as 24 working hours, from its 00:00 to the next
 * 00:00 in the calendar's zone; non-working days do not count at all. So 2.0 working days from a
 * Friday 15:00 end on the Tuesday 15:00, and a start on a non-working day counts from the next
 * working day's 00:00.
 */
public final class WorkingCalendar implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final String CHINA_RESOURCE = "/schemas/calendars/cn-2026.json";
    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    private final ZoneId zone;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkdays;

    public WorkingCalendar(ZoneId zone, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {
        this.zone = zone;
        this.holidays = Set.copyOf(holidays);
        this.makeUpWorkdays = Set.copyOf(makeUpWorkdays);
    }

    /** Mainland China, zone Asia/Shanghai. */
    public static WorkingCalendar china() {
        return fromResource(CHINA_RESOURCE);
    }

    public static WorkingCalendar fromResource(String resource) {
        try (InputStream in = WorkingCalendar.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("calendar not on the classpath: " + resource);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            return new WorkingCalendar(ZoneId.of(root.path("zone").asText("Asia/Shanghai")),
                    dates(root.path("holidays")), dates(root.path("makeUpWorkdays")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read calendar " + resource, e);
        }
    }

    private static Set<LocalDate> dates(JsonNode groups) {
        Set<LocalDate> dates = new HashSet<>();
        for (JsonNode group : groups) {
            for (JsonNode day : group.path("days")) {
                dates.add(LocalDate.parse(day.asText()));
            }
        }
        return dates;
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkdays.contains(day)) {
            return true;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** {@link #plusWorkingDays(Instant, double, ZoneId)} in this calendar's zone. */
    public Instant plusWorkingDays(Instant start, double days) {
        return plusWorkingDays(start, days, zone);
    }

    /**
     * The instant {@code days} working days (fractions allowed, each day 24 working hours) after
     * {@code start}. A result landing exactly on the end of a working day is that day's midnight.
     */
    public Instant plusWorkingDays(Instant start, double days, ZoneId zone) {
        if (days < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + days);
        }
        long remaining = Math.round(days * DAY_MILLIS);
        ZonedDateTime cursor = start.atZone(zone);
        while (true) {
            LocalDate day = cursor.toLocalDate();
            ZonedDateTime endOfDay = day.plusDays(1).atStartOfDay(zone);
            if (isWorkingDay(day)) {
                long available = Duration.between(cursor, endOfDay).toMillis();
                if (remaining <= available) {
                    return cursor.toInstant().plusMillis(remaining);
                }
                remaining -= available;
            }
            cursor = endOfDay;
        }
    }
}
