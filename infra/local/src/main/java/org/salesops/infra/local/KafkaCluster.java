package org.salesops.infra.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;

/**
 * Several KRaft Kafka nodes on loopback, each broker and controller in a JVM of its own, forming one
 * cluster: every internal topic has a replica on each node, and a write needs two in sync, so one
 * node may be stopped while producers and consumers go on (the cluster test stops one mid-run).
 */
public final class KafkaCluster implements AutoCloseable {

    private final List<KafkaBroker> nodes;

    private KafkaCluster(List<KafkaBroker> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** {@code size} nodes under {@code dir/node-<id>}, on ports free now. */
    public static KafkaCluster onFreePorts(Path dir, int size) {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < size) {
            int port = LoopbackPorts.freeWithNext();
            // Each node takes port and port + 1: no two nodes may overlap.
            if (ports.stream().noneMatch(p -> Math.abs(p - port) <= 1)) {
                ports.add(port);
            }
        }
        String voters = IntStream.range(0, size)
                .mapToObj(i -> KafkaServerProperties.voter(i + 1, ports.get(i) + 1))
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        List<Path> classpath = StackArtifacts.resolvedAtBuild().kafkaBrokerClasspath();
        List<KafkaBroker> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int nodeId = i + 1;
            nodes.add(new KafkaBroker(dir.resolve("node-" + nodeId), ports.get(i), classpath,
                    new KafkaBroker.Quorum(nodeId, voters, size, clusterId)));
        }
        return new KafkaCluster(nodes);
    }

    /** Starts every node, then waits until each answers (a node answers once a majority runs). */
    public void start(Consumer<String> progress) throws IOException, InterruptedException {
        try {
            for (KafkaBroker node : nodes) {
                node.launch(progress);
            }
            for (KafkaBroker node : nodes) {
                node.awaitReady();
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return nodes.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    /** The nodes, in node id order (id = index + 1). */
    public List<KafkaBroker> nodes() {
        return nodes;
    }

    public int replication() {
        return nodes.size();
    }

    @Override
    public void close() {
        nodes.forEach(KafkaBroker::stop);
    }
}
