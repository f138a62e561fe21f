package org.salesops.jobs.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ChinaWorkdaysTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void twoWorkingDaysFromFridayAfternoonEndOnTuesdayAfternoon() {
        assertThat(after(LocalDateTime.of(2026, 3, 6, 15, 0), "2.0")).isEqualTo(local(LocalDateTime.of(2026, 3, 10, 15, 0)));
    }

    @Test
    void theSpringFestivalStopsTheClockAndItsMakeUpSaturdaysRunIt() {
        // Fri 13 Feb 15:00: 9 h that day, Sat 14 Feb is a make-up workday (24 h), 15-23 Feb off, 15 h on Tue 24 Feb.
        assertThat(after(LocalDateTime.of(2026, 2, 13, 15, 0), "2.0")).isEqualTo(local(LocalDateTime.of(2026, 2, 24, 15, 0)));
        assertThat(ChinaWorkdays.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
        assertThat(ChinaWorkdays.isWorkingDay(LocalDate.of(2026, 2, 23))).isFalse();
        assertThat(ChinaWorkdays.isWorkingDay(LocalDate.of(2026, 3, 1))).isFalse();
        assertThat(ChinaWorkdays.isWorkingDay(LocalDate.of(2026, 4, 6))).isFalse();
    }

    @Test
    void aStartOnADayOffCountsFromTheNextWorkingMidnightAndHalfDaysAreTwelveHours() {
        assertThat(after(LocalDateTime.of(2026, 3, 1, 10, 0), "1.0")).isEqualTo(local(LocalDateTime.of(2026, 3, 3, 0, 0)));
        assertThat(after(LocalDateTime.of(2026, 3, 2, 9, 0), "0.5")).isEqualTo(local(LocalDateTime.of(2026, 3, 2, 21, 0)));
    }

    @Test
    void officeMinutesCountNineToSixOnWorkingDaysOnly() {
        // Friday 17:00 -> Monday 09:30, and across the National Day week
        assertThat(ChinaWorkdays.officeMinutes(local(LocalDateTime.of(2026, 3, 6, 17, 0)),
                local(LocalDateTime.of(2026, 3, 9, 9, 30)))).isEqualTo(90);
        assertThat(ChinaWorkdays.officeMinutes(local(LocalDateTime.of(2026, 9, 30, 17, 0)),
                local(LocalDateTime.of(2026, 10, 8, 10, 0)))).isEqualTo(120);
        assertThat(ChinaWorkdays.officeMinutes(local(LocalDateTime.of(2026, 3, 3, 20, 0)),
                local(LocalDateTime.of(2026, 3, 4, 8, 0)))).isZero();
    }

    private static Instant after(LocalDateTime start, String workingDays) {
        return ChinaWorkdays.afterWorkingDays(local(start), new BigDecimal(workingDays));
    }

    private static Instant local(LocalDateTime time) {
        return time.atZone(SHANGHAI).toInstant();
    }
}
