package org.salesops.jobs.generator;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * Working days on China's official calendar (Asia/Shanghai) for collaboration-task SLAs: weekends
 * off, the State Council's 2026 public holidays off, its make-up Saturdays and Sundays on. Kept
 * here rather than borrowed from the pipeline so that the ground truth is an independent statement
 * of the rule. Years other than 2026 know only weekends.
 */
final class ChinaWorkdays {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    /** The State Council's 2026 arrangement: 元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆. */
    private static final Set<LocalDate> HOLIDAYS_2026 = Set.of(
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 3),
            LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 18),
            LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 20), LocalDate.of(2026, 2, 21), LocalDate.of(2026, 2, 22),
            LocalDate.of(2026, 2, 23),
            LocalDate.of(2026, 4, 4), LocalDate.of(2026, 4, 5), LocalDate.of(2026, 4, 6),
            LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 3), LocalDate.of(2026, 5, 4),
            LocalDate.of(2026, 5, 5),
            LocalDate.of(2026, 6, 19), LocalDate.of(2026, 6, 20), LocalDate.of(2026, 6, 21),
            LocalDate.of(2026, 9, 25), LocalDate.of(2026, 9, 26), LocalDate.of(2026, 9, 27),
            LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 4),
            LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));

    /** 调休: weekend days worked to make up for the long holidays. */
    private static final Set<LocalDate> MAKE_UP_WORKDAYS_2026 = Set.of(
            LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28),
            LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));

    static boolean isWorkingDay(LocalDate date) {
        if (MAKE_UP_WORKDAYS_2026.contains(date)) {
            return true;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !HOLIDAYS_2026.contains(date);
    }

    /**
     * The instant after the given number of working days from start, each working day counting as
     * 24 hours (so fractions are hours of working days); a start on a non-working day counts from
     * the next working day's midnight.
     */
    static Instant afterWorkingDays(Instant start, BigDecimal workingDays) {
        Duration left = Duration.ofSeconds(workingDays.multiply(SECONDS_PER_DAY).longValueExact());
        LocalDateTime at = start.atZone(SHANGHAI).toLocalDateTime();
        while (!isWorkingDay(at.toLocalDate())) {
            at = at.toLocalDate().plusDays(1).atStartOfDay();
        }
        while (true) {
            LocalDateTime midnight = at.toLocalDate().plusDays(1).atStartOfDay();
            Duration available = Duration.between(at, midnight);
            if (left.compareTo(available) <= 0) {
                return at.plus(left).atZone(SHANGHAI).toInstant();
            }
            left = left.minus(available);
            LocalDate next = midnight.toLocalDate();
            while (!isWorkingDay(next)) {
                next = next.plusDays(1);
            }
            at = next.atStartOfDay();
        }
    }

    /**
     * Whole minutes of office time (09:00-18:00 on working days) from start to end, for the truth
     * of lead response time in business minutes.
     */
    static long officeMinutes(Instant start, Instant end) {
        long millis = 0;
        LocalDateTime from = start.atZone(SHANGHAI).toLocalDateTime();
        LocalDateTime to = end.atZone(SHANGHAI).toLocalDateTime();
        for (LocalDate day = from.toLocalDate(); !day.isAfter(to.toLocalDate()); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                LocalDateTime open = max(day.atTime(9, 0), from);
                LocalDateTime close = min(day.atTime(18, 0), to);
                millis += Math.max(0, Duration.between(open, close).toMillis());
            }
        }
        return millis / 60_000;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private ChinaWorkdays() {
    }
}
