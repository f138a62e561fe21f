package org.salesops.pipelines.routine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The structured daily report's rules, from schemas/config/daily-reports.json.
 *
 * @param zone          the company's time zone: what a report day and its deadline mean
 * @param deadline      local time by which a working day's report is due (default 20:00)
 * @param breakthroughs the breakthroughs a report can tick, in the order they are listed
 * @param retention     how long after its deadline a day's status is kept to take in late reports and
 *                      edits; a report for an older day no longer changes it (default 35 days)
 */
public record DailyReportSettings(ZoneId zone, LocalTime deadline, List<String> breakthroughs, Duration retention)
        implements Serializable {

    public static final String RESOURCE = "/schemas/config/daily-reports.json";

    public DailyReportSettings {
        breakthroughs = List.copyOf(breakthroughs);
    }

    /** The configuration as shipped in schemas/config. */
    public static DailyReportSettings defaults() {
        try (InputStream in = DailyReportSettings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("configuration not on the classpath: " + RESOURCE);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<String> codes = new ArrayList<>();
            root.path("breakthroughs").forEach(b -> codes.add(b.path("code").asText()));
            return new DailyReportSettings(ZoneId.of(root.path("zone").asText()),
                    LocalTime.parse(root.path("deadline").asText()), codes,
                    Duration.ofDays(root.path("retention_days").asLong()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The report deadline of a day, in epoch millis. */
    public long deadlineOf(LocalDate day) {
        return day.atTime(deadline).atZone(zone).toInstant().toEpochMilli();
    }

    /** The day's first instant, in epoch millis: where the silence of a missing report starts. */
    public long startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** The day an instant falls on. */
    public LocalDate dayOf(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate();
    }
}
