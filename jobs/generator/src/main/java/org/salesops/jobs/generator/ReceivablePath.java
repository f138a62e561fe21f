package org.salesops.jobs.generator;

/** Ticks a step of a contract's receivable path (回款路径) with its evidence and who did it. */
final class ReceivablePath {

    private final World world;

    ReceivablePath(World world) {
        this.world = world;
    }

    void complete(ContractCase contract, String step, String evidence, Staff actor) {
        world.crm.update("receivable_steps", contract.steps.get(step), Values.of("completed_at", world.now(),
                "evidence_ref", evidence, "actor_id", actor.id()));
    }
}
