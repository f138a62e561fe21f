package org.salesops.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaServerPropertiesTest {

    private final Properties server = KafkaServerProperties.singleNode(19092, 19093, Path.of("/var/tmp/kafka/data"));

    @Test
    void oneNodeIsBrokerAndControllerOnLoopbackOnly() {
        assertThat(server)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("log.dirs", "/var/tmp/kafka/data");
    }

    @Test
    void everyReplicationFactorAndMinIsrIsOne() {
        assertThat(server.stringPropertyNames())
                .filteredOn(key -> key.endsWith("replication.factor") || key.endsWith("min.isr")
                        || key.equals("min.insync.replicas"))
                .hasSizeGreaterThanOrEqualTo(7)
                .allSatisfy(key -> assertThat(server.getProperty(key)).as(key).isEqualTo("1"));
    }

    @Test
    void aNodeOfAThreeNodeQuorumKeepsThreeReplicasAndNeedsTwoInSync() {
        String voters = String.join(",", KafkaServerProperties.voter(1, 19093), KafkaServerProperties.voter(2, 19095),
                KafkaServerProperties.voter(3, 19097));
        Properties node = KafkaServerProperties.quorumNode(2, 19094, 19095, voters, 3, Path.of("/var/tmp/kafka/2"));

        assertThat(node)
                .containsEntry("node.id", "2")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093,2@127.0.0.1:19095,3@127.0.0.1:19097")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19094,CONTROLLER://127.0.0.1:19095")
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("transaction.state.log.min.isr", "2");
        assertThat(node.stringPropertyNames()).filteredOn(key -> key.endsWith("replication.factor"))
                .allSatisfy(key -> assertThat(node.getProperty(key)).as(key).isEqualTo("3"));
    }
}
