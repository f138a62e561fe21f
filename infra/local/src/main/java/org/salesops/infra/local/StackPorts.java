package org.salesops.infra.local;

/**
 * The loopback ports of a local stack.
 *
 * @param kafka the Kafka broker's port; its KRaft controller takes {@code kafka + 1}
 * @param trino Trino's HTTP port (also the JDBC port)
 */
public record StackPorts(int kafka, int trino) {

    public StackPorts {
        if (trino == kafka || trino == kafka + 1) {
            throw new IllegalArgumentException("Trino port " + trino + " collides with Kafka's ports "
                    + kafka + " and " + (kafka + 1) + " (broker and controller)");
        }
    }

    /** Kafka on 9092 (controller 9093), Trino on 8080. */
    public static StackPorts defaults() {
        return new StackPorts(KafkaBroker.DEFAULT_PORT, TrinoServer.DEFAULT_PORT);
    }
}
