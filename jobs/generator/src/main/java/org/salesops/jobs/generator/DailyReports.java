package org.salesops.jobs.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Structured daily reports: ticked breakthroughs from the rep's own conversations that day, one
 * sentence of evidence (sometimes missing), next actions and support needed. In the live period
 * the bad inputs a pipeline must cope with happen once each: on its fourth working day one report is
 * submitted twice and another, on time, is edited the next morning; on the fifth a supervisor (not a
 * rep) files one; on its first day off a rep reports that day. They come late in the first week so
 * that the company before them stays the same draw for draw.
 */
final class DailyReports {

    private static final List<String> BREAKTHROUGHS = List.of("purchase_time_confirmed", "budget_confirmed", "tech_owner_involved");

    /** The live working day (counted from 0) of the duplicate and the late edit; the next one has the supervisor's report. */
    private static final int ODD_WORKDAY = 3;

    private final World world;
    /** rep id -> day -> breakthrough -> evidence sentence heard that day. */
    private final Map<Long, Map<LocalDate, Map<String, String>>> heard = new HashMap<>();

    DailyReports(World world) {
        this.world = world;
    }

    void noted(Staff rep, LocalDate day, String discovery, String evidence) {
        if (BREAKTHROUGHS.contains(discovery)) {
            heard.computeIfAbsent(rep.id(), r -> new HashMap<>())
                    .computeIfAbsent(day, d -> new LinkedHashMap<>())
                    .merge(discovery, evidence == null ? "" : evidence, (old, added) -> old.isEmpty() ? added : old);
        }
    }

    /** Every working day, the reps on the payroll that morning decide whether and when to report. */
    void planDay(LocalDate day) {
        if (!world.calendar.isWorkday(day)) {
            if (day.equals(firstLiveDayOff())) {
                Staff rep = world.org.reps().get(0);
                world.agenda.at(world.calendar.at(day, world.rng.uniform(10, 16)), () -> submit(rep, day));
            }
            return;
        }
        Map<Staff, Instant> planned = new LinkedHashMap<>();
        for (Staff rep : world.org.reps()) {
            if (!world.rng.chance(rep.habits().reportsDaily())) {
                continue;
            }
            Instant at = world.rng.chance(0.85)
                    ? world.calendar.at(day, world.rng.uniform(17.5, 21.5))
                    : world.calendar.at(world.calendar.nextWorkday(day), world.rng.uniform(8.5, 10));
            planned.put(rep, at);
        }
        boolean oddDay = liveWorkdayIndex(day) == ODD_WORKDAY;
        Staff twice = oddDay ? planned.keySet().stream().findFirst().orElse(null) : null;
        Instant evening = world.calendar.at(day, 20, 0);
        Staff editsLater = oddDay ? planned.entrySet().stream()
                .filter(p -> p.getValue().isBefore(evening) && !p.getKey().equals(twice))
                .map(Map.Entry::getKey).findFirst().orElse(null) : null;
        planned.forEach((rep, at) -> world.agenda.at(at, () -> {
            long id = submit(rep, day);
            if (rep.equals(twice)) {
                submitAgain(id);
            }
            if (rep.equals(editsLater)) {
                editNextMorning(id, day);
            }
        }));
        if (liveWorkdayIndex(day) == ODD_WORKDAY + 1) {
            Staff supervisor = world.org.first("supervisor");
            world.agenda.at(world.calendar.at(day, world.rng.uniform(18, 19.5)), () -> submit(supervisor, day));
        }
    }

    /** The rep taps submit twice: the same report again a minute or two later, under a new id. */
    private void submitAgain(long id) {
        world.agenda.at(world.now().plusSeconds(world.rng.between(40, 150)), () -> {
            Map<String, Object> copy = new LinkedHashMap<>(world.crm.row("daily_reports", id));
            copy.put("id", world.crm.nextId("daily_reports"));
            copy.put("submitted_at", world.now());
            copy.remove("updated_at");
            world.crm.insert("daily_reports", copy);
        });
    }

    /** The next morning, after the deadline, the rep adds to yesterday's report: one more tick and a note. */
    private void editNextMorning(long id, LocalDate day) {
        Instant morning = world.calendar.at(world.calendar.nextWorkday(day), world.rng.uniform(8.5, 9.5));
        world.agenda.at(morning, () -> {
            Map<String, Object> report = world.crm.row("daily_reports", id);
            String ticked = (String) report.get("breakthroughs");
            List<String> ticks = ticked == null ? new ArrayList<>() : new ArrayList<>(List.of(ticked.split(";")));
            BREAKTHROUGHS.stream().filter(b -> !ticks.contains(b)).findFirst().ifPresent(ticks::add);
            world.crm.update("daily_reports", id, Values.of("breakthroughs", String.join(";", ticks),
                    "next_actions", report.get("next_actions") + "(次日补充)"));
        });
    }

    /** Working days of the live period counted from 0; -1 outside it or on a day off. */
    private int liveWorkdayIndex(LocalDate day) {
        LocalDate start = world.profile.startDate();
        if (day.isBefore(start) || !world.calendar.isWorkday(day)) {
            return -1;
        }
        int index = 0;
        for (LocalDate d = start; d.isBefore(day); d = d.plusDays(1)) {
            index += world.calendar.isWorkday(d) ? 1 : 0;
        }
        return index;
    }

    private LocalDate firstLiveDayOff() {
        LocalDate day = world.profile.startDate();
        while (world.calendar.isWorkday(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private long submit(Staff rep, LocalDate day) {
        Map<String, String> ticks = heard.getOrDefault(rep.id(), Map.of()).getOrDefault(day, Map.of());
        List<String> ticked = new ArrayList<>(ticks.keySet());
        String evidence = ticked.isEmpty() || world.rng.chance(0.15) ? null
                : ticks.values().stream().filter(e -> !e.isEmpty()).findFirst().orElse(null);
        String support = world.rng.pick(Phrases.SUPPORT_NEEDED);
        long id = world.crm.nextId("daily_reports");
        world.crm.insert("daily_reports", Values.of("id", id, "rep_id", rep.id(),
                "report_date", day, "breakthroughs", ticked.isEmpty() ? null : String.join(";", ticked),
                "evidence", evidence, "next_actions", world.phrases.nextActions(),
                "support_needed", support.isEmpty() ? null : support, "submitted_at", world.now()));
        if (world.rng.chance(0.05)) {
            // The rep edits the report a little later: an update of the same row.
            world.agenda.at(world.now().plus(Duration.ofMinutes(world.rng.between(5, 90))), () -> world.crm.update(
                    "daily_reports", id, Values.of("next_actions", world.phrases.nextActions())));
        }
        return id;
    }
}
