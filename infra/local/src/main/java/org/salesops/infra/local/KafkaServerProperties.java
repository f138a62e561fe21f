package org.salesops.infra.local;

import java.nio.file.Path;
import java.util.Properties;

/**
 * server.properties of a KRaft node that is broker and controller in one process, on loopback: alone
 * (the local stack) or one of a quorum (the cluster test's three brokers).
 */
final class KafkaServerProperties {

    private static final String HOST = "127.0.0.1";

    private KafkaServerProperties() {
    }

    static Properties singleNode(int brokerPort, int controllerPort, Path logDirs) {
        return quorumNode(1, brokerPort, controllerPort, voter(1, controllerPort), 1, logDirs);
    }

    /** {@code id@host:port}, one entry of controller.quorum.voters. */
    static String voter(int nodeId, int controllerPort) {
        return nodeId + "@" + HOST + ":" + controllerPort;
    }

    /**
     * @param voters      controller.quorum.voters, every node's {@link #voter}, comma-separated
     * @param replication replicas of every internal topic and the default for new topics; with more
     *                    than one, a write needs two in sync, so one node may be down
     */
    static Properties quorumNode(int nodeId, int brokerPort, int controllerPort, String voters, int replication,
                                 Path logDirs) {
        String factor = String.valueOf(replication);
        String minIsr = replication == 1 ? "1" : "2";
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(nodeId));
        p.setProperty("controller.quorum.voters", voters);
        p.setProperty("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", logDirs.toAbsolutePath().toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("auto.create.topics.enable", "true");
        // Keep records forever, also on topics created on first use: a replayed history has record times
        // months in the past, and time-based retention would delete it as soon as it arrives.
        p.setProperty("log.retention.ms", "-1");
        // Every internal topic gets as many replicas as there are nodes (one node: a single replica, or
        // they are never created).
        p.setProperty("default.replication.factor", factor);
        p.setProperty("min.insync.replicas", minIsr);
        p.setProperty("offsets.topic.replication.factor", factor);
        p.setProperty("transaction.state.log.replication.factor", factor);
        p.setProperty("transaction.state.log.min.isr", minIsr);
        p.setProperty("share.coordinator.state.topic.replication.factor", factor);
        p.setProperty("share.coordinator.state.topic.min.isr", minIsr);
        // Consumers of a fresh group start at once instead of waiting for more members.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }
}
