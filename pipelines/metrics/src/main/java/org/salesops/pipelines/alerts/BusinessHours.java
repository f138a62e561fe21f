package org.salesops.pipelines.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Office hours on working days (schemas/config/business-hours.json): how much of a span a person
 * could have worked in. A lead assigned on Friday evening and called on Monday at 09:30 waited
 * about 62 hours, but only 30 business minutes.
 */
public record BusinessHours(WorkingCalendar calendar, LocalTime opens, LocalTime closes) implements Serializable {

    public static final String RESOURCE = "/schemas/config/business-hours.json";

    public BusinessHours {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("office hours must open before they close: " + opens + "-" + closes);
        }
    }

    /** The company's configured office hours. */
    public static BusinessHours configured() {
        try (InputStream in = BusinessHours.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("office hours not on the classpath: " + RESOURCE);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            return new BusinessHours(WorkingCalendar.fromResource(root.path("calendar").asText()),
                    LocalTime.parse(root.path("opens").asText()), LocalTime.parse(root.path("closes").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Whole minutes of office time in [from, to); zero when to is not after from. */
    public long minutesBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long millis = 0;
        LocalDate last = to.atZone(calendar.zone()).toLocalDate();
        for (LocalDate day = from.atZone(calendar.zone()).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            Instant open = day.atTime(opens).atZone(calendar.zone()).toInstant();
            Instant close = day.atTime(closes).atZone(calendar.zone()).toInstant();
            Instant start = from.isAfter(open) ? from : open;
            Instant end = to.isBefore(close) ? to : close;
            if (end.isAfter(start)) {
                millis += end.toEpochMilli() - start.toEpochMilli();
            }
        }
        return millis / 60_000L;
    }
}
