package org.salesops.infra.local;

import java.nio.file.Path;
import java.util.Properties;

/** server.properties of a one-node KRaft broker (broker and controller in one process) on loopback. */
final class KafkaServerProperties {

    private static final String HOST = "127.0.0.1";

    private KafkaServerProperties() {
    }

    static Properties singleNode(int brokerPort, int controllerPort, Path logDirs) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
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
        // One node: every internal topic must accept a single replica, or it is never created.
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // Consumers of a fresh group start at once instead of waiting for more members.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }
}
