package org.salesops.pipelines.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    final WorkingCalendar calendar = WorkingCalendar.china();

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void loadsChinaFromTheClasspathInShanghaiTime() {
        assertThat(calendar.zone()).isEqualTo(SHANGHAI);
    }

    @Test
    void weekdaysWorkWeekendsRestHolidaysRestMakeUpWeekendsWork() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-06"))).isTrue();   // Friday
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-07"))).isFalse();  // Saturday
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-16"))).isFalse();  // Monday, Spring Festival
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-23"))).isFalse();  // Monday, last day off
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue();   // Saturday, 调休
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-28"))).isTrue();   // Saturday, 调休
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-05"))).isFalse();  // Monday, National Day
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-20"))).isTrue();   // Sunday, 调休
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();   // Saturday, 调休
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-08"))).isFalse();  // 2025 National Day
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-04"))).isTrue();   // beyond the data: weekdays work
    }

    @Test
    void twoWorkingDaysFromFridayAfternoonEndTuesdayAfternoon() {
        assertThat(calendar.plusWorkingDays(local("2026-03-06T15:00"), 2.0, SHANGHAI))
                .isEqualTo(local("2026-03-10T15:00"));
    }

    @Test
    void fractionsCountWorkingHours() {
        assertThat(calendar.plusWorkingDays(local("2026-03-06T15:00"), 0.5, SHANGHAI))
                .isEqualTo(local("2026-03-09T03:00"));
        assertThat(calendar.plusWorkingDays(local("2026-03-04T09:30"), 0.0, SHANGHAI))
                .isEqualTo(local("2026-03-04T09:30"));
    }

    @Test
    void aStartOnADayOffCountsFromTheNextWorkingMidnight() {
        assertThat(calendar.plusWorkingDays(local("2026-03-07T11:00"), 1.5, SHANGHAI))
                .isEqualTo(local("2026-03-10T12:00"));
    }

    @Test
    void theSpringFestivalIsSkippedAndItsMakeUpSaturdayCounts() {
        // Friday 13 Feb 10:00: 14 h left that day, Saturday 14 Feb is worked, 15-23 Feb are off
        assertThat(calendar.plusWorkingDays(local("2026-02-13T10:00"), 2.0, SHANGHAI))
                .isEqualTo(local("2026-02-24T10:00"));
    }

    @Test
    void nationalDayIsSkippedAndItsMakeUpSaturdayCounts() {
        assertThat(calendar.plusWorkingDays(local("2026-09-30T09:00"), 2.0, SHANGHAI))
                .isEqualTo(local("2026-10-09T09:00"));
        assertThat(calendar.plusWorkingDays(local("2026-10-09T12:00"), 1.0, SHANGHAI))
                .isEqualTo(local("2026-10-10T12:00"));
    }

    @Test
    void anotherZoneShiftsTheWorkingDays() {
        // 2026-03-06T20:00Z is Saturday 04:00 in Shanghai but still Friday in UTC
        assertThat(calendar.plusWorkingDays(Instant.parse("2026-03-06T20:00:00Z"), 0.1, ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2026-03-06T22:24:00Z"));
        assertThat(calendar.plusWorkingDays(Instant.parse("2026-03-06T20:00:00Z"), 0.1, SHANGHAI))
                .isEqualTo(local("2026-03-09T02:24"));
    }

    @Test
    void negativeDaysAreRefused() {
        assertThatThrownBy(() -> calendar.plusWorkingDays(local("2026-03-06T15:00"), -1, SHANGHAI))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
