package org.salesops.jobs.generator;

import java.math.BigDecimal;

/** The cross-role task flow of an opportunity (sales -> presales -> delivery -> customer success). */
final class CollabTasks {

    private final World world;

    CollabTasks(World world) {
        this.world = world;
    }

    /** Opens a task; a null SLA means the default 48 hours. */
    long open(Deal deal, String kind, String fromRole, Staff assignee, BigDecimal slaWorkdays) {
        long id = world.crm.nextId("collab_tasks");
        world.crm.insert("collab_tasks", Values.of("id", id, "opportunity_id", deal.id, "kind", kind,
                "from_role", fromRole, "to_role", assignee.role(), "assignee_id", assignee.id(), "status", "open",
                "sla_workdays", slaWorkdays, "created_at", world.now()));
        deal.openTasks.add(id);
        return id;
    }

    void start(long task) {
        world.crm.update("collab_tasks", task, Values.of("status", "in_progress"));
    }

    void finish(Deal deal, long task) {
        world.crm.update("collab_tasks", task, Values.of("status", "done", "done_at", world.now()));
        deal.openTasks.remove(task);
    }
}
