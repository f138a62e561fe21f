package org.salesops.pipelines.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a silence may last before it alerts: clock hours, or working days on a
 * {@link WorkingCalendar}. Kept with an episode so a follow-up can restart the same silence.
 * A POJO for Flink state.
 */
public class Threshold implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public static final String HOURS = "hours";
    public static final String WORKING_DAYS = "working_days";

    /** {@link #HOURS} or {@link #WORKING_DAYS}. */
    public String unit;
    public double amount;

    public Threshold() {
    }

    private Threshold(String unit, double amount) {
        this.unit = unit;
        this.amount = amount;
    }

    public static Threshold hours(double hours) {
        return new Threshold(HOURS, hours);
    }

    public static Threshold workingDays(double days) {
        return new Threshold(WORKING_DAYS, days);
    }

    /** Escalation comes at twice the threshold. */
    public Threshold twice() {
        return new Threshold(unit, amount * 2);
    }

    public long after(long startMillis, WorkingCalendar calendar) {
        Instant start = Instant.ofEpochMilli(startMillis);
        Instant end = WORKING_DAYS.equals(unit)
                ? calendar.plusWorkingDays(start, amount)
                : start.plus(Duration.ofMillis(Math.round(amount * Duration.ofHours(1).toMillis())));
        return end.toEpochMilli();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Threshold t && amount == t.amount && Objects.equals(unit, t.unit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(unit, amount);
    }

    @Override
    public String toString() {
        return amount(amount) + (HOURS.equals(unit) ? " h" : " working days");
    }

    /** For the Chinese half of a message, e.g. 48小时 or 2个工作日. */
    public String inChinese() {
        return amount(amount) + (HOURS.equals(unit) ? "小时" : "个工作日");
    }

    private static String amount(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
