package org.salesops.jobs.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seed's evasion: a rep about to trip the 24-hour alarm sets a batch of stale leads to
 * 待跟进 (pending_followup) within minutes, and edits some creation times to today.
 */
final class BulkStatusFlip {

    private static final Set<String> STALE = Set.of("assigned", "contacted", "valid");

    private final World world;
    private final List<GroundTruth.BulkStatusFlip> flips = new ArrayList<>();

    BulkStatusFlip(World world) {
        this.world = world;
    }

    void plan(Staff rep, LocalDate day) {
        world.agenda.at(world.calendar.at(day, 17, world.rng.between(30, 45)), () -> flip(rep));
    }

    List<GroundTruth.BulkStatusFlip> flips() {
        return flips;
    }

    private void flip(Staff rep) {
        Instant dayAgo = world.now().minus(Duration.ofHours(24));
        List<Long> leads = world.crm.rows("leads").stream()
                .filter(row -> Long.valueOf(rep.id()).equals(row.get("owner_id")))
                .filter(row -> STALE.contains((String) row.get("status")))
                .filter(row -> ((Instant) row.get("assigned_at")).isBefore(dayAgo))
                .sorted(Comparator.comparing(row -> (Long) row.get("id")))
                .map(row -> (Long) row.get("id"))
                .limit(15)
                .toList();
        if (leads.isEmpty()) {
            return;
        }
        Instant at = world.now();
        Instant first = null;
        for (long lead : leads) {
            at = at.plusSeconds(world.rng.between(8, 40));
            first = first == null ? at : first;
            boolean touchCreated = world.rng.chance(0.5);
            world.agenda.at(at, () -> {
                Map<String, Object> row = world.crm.row("leads", lead);
                if (row != null) {
                    world.crm.update("leads", lead, touchCreated
                            ? Values.of("status", "pending_followup", "created_at", world.now())
                            : Values.of("status", "pending_followup"));
                }
            });
        }
        flips.add(new GroundTruth.BulkStatusFlip(rep.id(), "pending_followup", first, at, leads));
    }
}
