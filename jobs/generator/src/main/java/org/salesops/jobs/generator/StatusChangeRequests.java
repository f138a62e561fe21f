package org.salesops.jobs.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The seed's fix for status games: the rep only requests a lead status change, the supervisor
 * approves or rejects it within working hours, and the change (if any) lands with the decision.
 */
final class StatusChangeRequests {

    private final World world;

    StatusChangeRequests(World world) {
        this.world = world;
    }

    /** Files the request now; {@code decided} runs in the decision's transaction with whether it was approved. */
    void request(Prospect prospect, String toStatus, Consumer<Boolean> decided) {
        String from = (String) world.crm.row("leads", prospect.leadId).get("status");
        long id = world.crm.nextId("status_change_requests");
        world.crm.insert("status_change_requests", Values.of("id", id, "lead_id", prospect.leadId,
                "requested_by", prospect.owner.id(), "from_status", from, "to_status", toStatus, "created_at", world.now()));
        Staff supervisor = world.org.supervisor(prospect.region());
        Instant decision = world.calendar.afterWorking(world.now(), Duration.ofMinutes(world.rng.between(20, 600)));
        world.agenda.at(decision, () -> {
            if (prospect.deleted) {
                return;
            }
            boolean approved = world.rng.chance(0.85);
            world.crm.transaction(() -> {
                world.crm.update("status_change_requests", id, Values.of("decision", approved ? "approved" : "rejected",
                        "decided_by", supervisor.id(), "decided_at", world.now()));
                decided.accept(approved);
            });
        });
    }
}
