package org.salesops.jobs.generator;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Office hours of the company (Asia/Shanghai, Monday to Friday, 09:00-18:00). People's reaction
 * times are drawn in working time and converted to wall-clock time here, which is what makes
 * Friday-evening leads miss a 24-hour SLA. Public holidays are not modelled.
 */
final class WorkCalendar {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalTime OPEN = LocalTime.of(9, 0);
    private static final LocalTime CLOSE = LocalTime.of(18, 0);

    boolean isWorkday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    LocalDate date(Instant instant) {
        return instant.atZone(SHANGHAI).toLocalDate();
    }

    Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(SHANGHAI).toInstant();
    }

    Instant at(LocalDate date, double hourOfDay) {
        return at(date, 0, 0).plusSeconds(Math.round(hourOfDay * 3600));
    }

    boolean isOfficeHours(Instant instant) {
        ZonedDateTime local = instant.atZone(SHANGHAI);
        LocalTime time = local.toLocalTime();
        return isWorkday(local.toLocalDate()) && !time.isBefore(OPEN) && time.isBefore(CLOSE);
    }

    /** The instant itself during office hours, otherwise the next opening. */
    Instant nextOfficeMoment(Instant instant) {
        if (isOfficeHours(instant)) {
            return instant;
        }
        ZonedDateTime local = instant.atZone(SHANGHAI);
        LocalDate day = local.toLocalTime().isBefore(OPEN) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        while (!isWorkday(day)) {
            day = day.plusDays(1);
        }
        return day.atTime(OPEN).atZone(SHANGHAI).toInstant();
    }

    /** The moment after spending the given working time, starting at the instant. */
    Instant afterWorking(Instant start, Duration working) {
        Instant at = nextOfficeMoment(start);
        long left = working.toSeconds();
        while (true) {
            Instant close = at.atZone(SHANGHAI).toLocalDate().atTime(CLOSE).atZone(SHANGHAI).toInstant();
            long available = Duration.between(at, close).toSeconds();
            if (left < available) {
                return at.plusSeconds(left);
            }
            left -= available;
            at = nextOfficeMoment(close);
        }
    }

    /** The next workday after the date. */
    LocalDate nextWorkday(LocalDate date) {
        LocalDate day = date.plusDays(1);
        while (!isWorkday(day)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
