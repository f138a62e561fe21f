package org.salesops.infra.local;

/** What one Trino process is in its cluster: decides its {@code config.properties}. */
enum TrinoRole {

    /** Coordinator and worker in one JVM: the local stack. */
    SINGLE_NODE("Trino server"),
    /** Plans queries and schedules every task on the workers ({@code node-scheduler.include-coordinator=false}). */
    COORDINATOR("Trino coordinator"),
    /** Runs the tasks the coordinator gives it; announces itself to the coordinator's discovery URI. */
    WORKER("Trino worker");

    private final String description;

    TrinoRole(String description) {
        this.description = description;
    }

    /** For progress lines and failure messages. */
    String description() {
        return description;
    }

    boolean isCoordinator() {
        return this != WORKER;
    }
}
