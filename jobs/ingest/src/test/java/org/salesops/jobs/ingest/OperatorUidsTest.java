package org.salesops.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A savepoint maps state to operators by uid: an operator without one gets a uid generated from the
 * graph's shape, so any change of the job (a new rule, another chain) would orphan its state and the
 * restart would fail or start it empty. The production wiring (Kafka sources, Iceberg sinks, Kafka
 * publisher) is built here without running, and every operator of its stream graph must declare a uid.
 */
class OperatorUidsTest {

    @TempDir
    Path dir;

    @Test
    void everyOperatorOfTheIngestJobDeclaresAUid() {
        StreamGraph graph = productionGraph();

        List<String> withoutUid = graph.getStreamNodes().stream()
                .filter(node -> node.getTransformationUID() == null)
                .map(StreamNode::getOperatorName).toList();
        assertThat(graph.getStreamNodes()).hasSizeGreaterThan(50);
        assertThat(withoutUid).as("operators without a uid").isEmpty();
    }

    @Test
    void everyKeyedOperatorIsAmongThemWithItsOwnUid() {
        StreamGraph graph = productionGraph();

        List<StreamNode> keyed = graph.getStreamNodes().stream().filter(n -> n.getStateKeySerializer() != null).toList();
        assertThat(keyed).as("keyed (stateful) operators").isNotEmpty();
        assertThat(keyed.stream().map(StreamNode::getTransformationUID).distinct().count()).isEqualTo(keyed.size());
    }

    private StreamGraph productionGraph() {
        TempWarehouse warehouse = new TempWarehouse(dir);
        // Nothing connects while the graph is built: the address only has to be well-formed.
        String kafka = "127.0.0.1:9";
        IngestJob.Sources sources = new IngestJob.Sources(
                new KafkaRecordSource(kafka, IngestJob.CRM_TOPICS, "uids", true),
                new KafkaRecordSource(kafka, IngestJob.CALL_TOPIC, "uids", true),
                new KafkaRecordSource(kafka, IngestJob.BANK_TOPICS, "uids", true));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new IngestJob(sources, new IcebergTableSink(warehouse.loader), new KafkaResultPublisher(kafka),
                IngestSettings.defaults()).build(env);
        return env.getStreamGraph();
    }
}
