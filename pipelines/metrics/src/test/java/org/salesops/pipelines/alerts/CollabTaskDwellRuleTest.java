package org.salesops.pipelines.alerts;

import org.salesops.pipelines.crm.CrmRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.crm.CrmRow.created;
import static org.salesops.pipelines.crm.CrmRow.deleted;
import static org.salesops.pipelines.crm.CrmRow.row;
import static org.salesops.pipelines.crm.CrmRow.updated;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CollabTaskDwellRuleTest {

    static final long TASK = 31L;
    static final long PRESALES_ENGINEER = 12L;
    final CollabTaskDwellRule rule = new CollabTaskDwellRule(AlertHarness.CALENDAR);
    AlertHarness harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new AlertHarness();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    static CrmRow presalesTask(String updatedAt, String status, BigDecimal slaWorkdays) {
        return row().with("id", TASK).with("opportunity_id", 9L).with("kind", "presales_solution")
                .with("from_role", "sales").with("to_role", "presales").with("assignee_id", PRESALES_ENGINEER)
                .with("status", status).with("sla_workdays", slaWorkdays).with("created_at", local(updatedAt))
                .with("done_at", null).with("updated_at", local(updatedAt));
    }

    @Test
    void presalesSlaCountsWorkingDaysOverTheWeekend() {
        SilenceEvent watch = rule.events(created("collab_tasks", presalesTask("2026-03-06T15:00", "open",
                new BigDecimal("2.0")), local("2026-03-06T15:00"))).get(0);

        assertThat(watch.kind).isEqualTo(SilenceEvent.WATCH);
        assertThat(watch.subjectType).isEqualTo("collab_task");
        assertThat(watch.ownerId).isEqualTo(PRESALES_ENGINEER);
        assertThat(watch.threshold).isEqualTo(Threshold.workingDays(2.0));
        assertThat(Instant.ofEpochMilli(watch.deadline)).isEqualTo(local("2026-03-10T15:00"));
        assertThat(Instant.ofEpochMilli(watch.escalateAt)).isEqualTo(local("2026-03-12T15:00"));
    }

    @Test
    void withoutAnSlaTheDefaultIs48ClockHours() {
        SilenceEvent watch = rule.events(created("collab_tasks", presalesTask("2026-03-06T15:00", "in_progress",
                null), local("2026-03-06T15:00"))).get(0);

        assertThat(Instant.ofEpochMilli(watch.deadline)).isEqualTo(local("2026-03-08T15:00"));
        assertThat(Instant.ofEpochMilli(watch.escalateAt)).isEqualTo(local("2026-03-10T15:00"));
    }

    @Test
    void unassignedTasksAreNotWatchedAndFinishedOnesStop() {
        CrmRow task = presalesTask("2026-03-06T15:00", "open", new BigDecimal("2.0"));
        assertThat(rule.events(created("collab_tasks", task.copy().with("assignee_id", null),
                local("2026-03-06T15:00")))).isEmpty();
        assertThat(rule.events(updated("collab_tasks", task, task.copy().with("status", "done"),
                local("2026-03-07T15:00")))).containsExactly(SilenceEvent.stop(CollabTaskDwellRule.RULE, TASK));
        assertThat(rule.events(deleted("collab_tasks", task, local("2026-03-07T15:00"))))
                .containsExactly(SilenceEvent.stop(CollabTaskDwellRule.RULE, TASK));
        assertThat(rule.events(created("opportunities", task, local("2026-03-06T15:00")))).isEmpty();
    }

    @Test
    void presalesTaskBeforeTheSpringFestivalAlertsAfterTheHoliday() throws Exception {
        // handed to presales on Friday 13 Feb 10:00; Saturday 14 Feb is a make-up workday, 15-23 Feb are off
        CrmRow task = presalesTask("2026-02-13T10:00", "open", new BigDecimal("2.0"));
        harness.send(created("collab_tasks", task, local("2026-02-13T10:00")));

        harness.watermark(local("2026-02-24T10:00").toEpochMilli() - 1);
        assertThat(harness.alerts()).isEmpty();
        harness.watermark(local("2026-02-24T10:00"));
        assertThat(harness.alerts()).hasSize(1);
        Alert open = harness.alerts().get(0);
        assertThat(open.rule).isEqualTo("collab_task_dwell");
        assertThat(open.ownerId).isEqualTo(PRESALES_ENGINEER);
        assertThat(open.dueAt).isEqualTo(local("2026-02-24T10:00").toEpochMilli());
        assertThat(open.message).contains("presales_solution");

        // escalation at four working days: Fri 14 h + Sat 24 h + Tue 24 h + Wed 24 h + Thu 10 h
        harness.watermark(local("2026-02-26T10:00"));
        assertThat(harness.alerts().get(1)).isEqualTo(open.escalated(local("2026-02-26T10:00").toEpochMilli()));

        // the solution is delivered
        harness.send(updated("collab_tasks", task, task.copy().with("status", "done")
                .with("updated_at", local("2026-02-26T16:00")), local("2026-02-26T16:00")));
        harness.endOfInput();
        assertThat(harness.alerts()).hasSize(3);
        assertThat(harness.alerts().get(2).status).isEqualTo(Alert.RESOLVED);
        assertThat(harness.alerts().get(2).resolvedAt).isEqualTo(local("2026-02-26T16:00").toEpochMilli());
        harness.assertNothingLeaks();
    }

    @Test
    void presalesTaskOverNationalDayCountsTheMakeUpSaturday() throws Exception {
        // 1.0 working day from Friday 9 Oct 12:00: Saturday 10 Oct is a make-up workday
        CrmRow task = presalesTask("2026-10-09T12:00", "open", new BigDecimal("1.0"));
        harness.send(created("collab_tasks", task, local("2026-10-09T12:00")));
        harness.watermark(local("2026-10-10T12:00").toEpochMilli() - 1);
        assertThat(harness.alerts()).isEmpty();
        harness.watermark(local("2026-10-10T12:00"));
        assertThat(harness.alerts()).hasSize(1);

        // progress on the task (in_progress) is an action: the alert resolves and a new silence starts
        CrmRow started = task.copy().with("status", "in_progress").with("updated_at", local("2026-10-10T14:00"));
        harness.send(updated("collab_tasks", task, started, local("2026-10-10T14:00")));
        harness.watermark(local("2026-10-10T14:00"));
        assertThat(harness.alerts()).hasSize(2);
        assertThat(harness.alerts().get(1).resolvedAt).isEqualTo(local("2026-10-10T14:00").toEpochMilli());

        harness.send(deleted("collab_tasks", started, local("2026-10-10T15:00")));
        harness.endOfInput();
        assertThat(harness.alerts()).hasSize(2);
        harness.assertNothingLeaks();
    }
}
