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
}
