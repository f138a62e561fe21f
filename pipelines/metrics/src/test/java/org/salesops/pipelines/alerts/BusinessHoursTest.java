package org.salesops.pipelines.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {

    static final BusinessHours HOURS = BusinessHours.configured();

    static Instant shanghai(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @Test
    void withinOneWorkingDayItIsTheWallClockSpan() {
        assertThat(HOURS.minutesBetween(shanghai("2026-03-03T10:00"), shanghai("2026-03-03T11:30"))).isEqualTo(90);
    }

    @Test
    void nightsAndWeekendsDoNotCount() {
        // Friday 17:00 -> Monday 09:30: one hour on Friday, half an hour on Monday
        assertThat(HOURS.minutesBetween(shanghai("2026-03-06T17:00"), shanghai("2026-03-09T09:30"))).isEqualTo(90);
        // assigned at night, contacted before opening: no business time passed
        assertThat(HOURS.minutesBetween(shanghai("2026-03-03T20:00"), shanghai("2026-03-04T08:59"))).isZero();
    }

    @Test
    void publicHolidaysDoNotCountAndMakeUpWorkdaysDo() {
        // 2026-10-01..07 National Day holiday (Thursday to Wednesday); 2026-10-08 is a working Thursday
        assertThat(HOURS.minutesBetween(shanghai("2026-09-30T17:00"), shanghai("2026-10-08T10:00"))).isEqualTo(120);
        // the make-up Saturday before the Spring Festival counts as a full working day
        assertThat(HOURS.minutesBetween(shanghai("2026-02-14T00:00"), shanghai("2026-02-15T00:00"))).isEqualTo(540);
    }

    @Test
    void anEmptyOrBackwardsSpanIsZero() {
        Instant t = shanghai("2026-03-03T10:00");
        assertThat(HOURS.minutesBetween(t, t)).isZero();
        assertThat(HOURS.minutesBetween(t, t.minusSeconds(3600))).isZero();
    }
}
