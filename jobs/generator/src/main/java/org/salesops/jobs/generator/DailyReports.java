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
 * sentence of evidence (sometimes missing), next actions and support needed.
 */
final class DailyReports {

    private static final List<String> BREAKTHROUGHS = List.of("purchase_time_confirmed", "budget_confirmed", "tech_owner_involved");

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
            return;
        }
        for (Staff rep : world.org.reps()) {
            if (!world.rng.chance(rep.habits().reportsDaily())) {
                continue;
            }
            Instant at = world.rng.chance(0.85)
                    ? world.calendar.at(day, world.rng.uniform(17.5, 21.5))
                    : world.calendar.at(world.calendar.nextWorkday(day), world.rng.uniform(8.5, 10));
            world.agenda.at(at, () -> submit(rep, day));
        }
    }

    private void submit(Staff rep, LocalDate day) {
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
    }
}
