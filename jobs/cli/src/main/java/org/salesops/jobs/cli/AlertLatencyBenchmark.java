package org.salesops.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.salesops.infra.local.CatalogKind;
import org.salesops.infra.local.LocalStack;
import org.salesops.infra.local.StackPorts;
import org.salesops.jobs.ingest.KafkaResultPublisher;
import org.salesops.jobs.ingest.KafkaTopics;
import org.salesops.pipelines.crm.CrmChange;
import org.salesops.pipelines.crm.CrmChangeWriter;
import org.salesops.pipelines.crm.CrmTopics;

/**
 * Alert latency on a live run: from the moment a deadline passes to the alert on the Kafka topic,
 * as a messaging integration reading committed records sees it. A fresh local stack runs the
 * ingest job unbounded with live watermarks; a rep and their manager are created, then leads
 * assigned a little under 24 hours ago, so their SLA deadlines fall over the next minute or so with
 * no contact, and nothing else arrives: the alerts must come from the clock, not from new events.
 * Latency = arrival on the topic - due_at. The floor it is compared with is what the configuration
 * allows: the live lag (out-of-orderness, and the quiet time before the wall clock drives time) plus
 * on average half a checkpoint interval (exactly-once: the alert is visible at the commit).
 */
final class AlertLatencyBenchmark {

    record Result(int leads, List<Long> latenciesMillis, Duration liveLag, Duration checkpointing) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertLatencyBenchmark() {
    }

    static Result run(Path workDir, StackPorts ports, int leads, Duration spread, Duration liveLag,
                      Duration checkpointing) throws Exception {
        try (LocalStack stack = LocalStack.start(workDir, ports, CatalogKind.SQLITE, Console::detail)) {
            String kafka = stack.kafkaBootstrap();
            KafkaTopics.ensure(kafka, KafkaTopics.all(), 2);
            IngestRun.Options options = new IngestRun.Options(kafka, stack.catalogSettings().name(),
                    stack.catalogSettings().icebergProperties(), 2, checkpointing, false, liveLag);
            JobClient job = IngestRun.prepare(options, true).executeAsync("salesops ingest (alert latency)");
            try (KafkaConsumer<String, String> alerts = committedConsumer(kafka, KafkaResultPublisher.ALERTS_TOPIC,
                    "alert-latency-benchmark")) {
                alerts.poll(Duration.ofSeconds(1)); // join the topic before the first deadline
                Instant now = Instant.now();
                Map<String, Instant> due = publishOrgAndSilentLeads(kafka, now, leads, spread);
                Console.step(String.format("%d leads assigned; deadlines from %s to %s", leads,
                        now.plusSeconds(30), now.plusSeconds(30).plus(spread)));
                return new Result(leads, awaitAlerts(alerts, due, now.plus(spread).plusSeconds(30)
                        .plus(liveLag.multipliedBy(2)).plus(checkpointing.multipliedBy(2)).plusSeconds(60)),
                        liveLag, checkpointing);
            } finally {
                job.cancel().get();
            }
        }
    }

    /** One team, a supervisor and a rep; then leads whose 24-hour SLA ends 30 s from now and later. */
    private static Map<String, Instant> publishOrgAndSilentLeads(String kafka, Instant now, int leads, Duration spread)
            throws Exception {
        CrmChangeWriter writer = new CrmChangeWriter();
        Map<String, Instant> due = new HashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(kafka))) {
            send(producer, writer, change("teams", now, Map.of("id", 1L, "name", "华东一组", "region", "华东",
                    "supervisor_id", 2L, "updated_at", now)));
            send(producer, writer, change("users", now, user(2L, "王主管", "supervisor", null, "8002", now)));
            send(producer, writer, change("users", now, user(3L, "李销售", "rep", 2L, "8003", now)));
            for (int i = 0; i < leads; i++) {
                Instant deadline = now.plusSeconds(30).plusMillis(spread.toMillis() * i / Math.max(1, leads - 1));
                Instant assignedAt = deadline.minus(Duration.ofHours(24));
                long id = 100_001L + i;
                Map<String, Object> lead = new HashMap<>();
                lead.put("id", id);
                lead.put("contact_name", "客户" + i);
                lead.put("phone", "+86 138 0013 " + String.format("%04d", i));
                lead.put("channel", "website");
                lead.put("status", "assigned");
                lead.put("owner_id", 3L);
                lead.put("assigned_at", assignedAt);
                lead.put("created_at", assignedAt);
                lead.put("updated_at", now);
                send(producer, writer, change("leads", now, lead));
                due.put("lead_not_contacted:lead:" + id + ":" + assignedAt.toEpochMilli(), deadline);
            }
            producer.flush();
        }
        return due;
    }

    private static Map<String, Object> user(long id, String name, String role, Long manager, String extension,
                                            Instant now) {
        Map<String, Object> user = new HashMap<>();
        user.put("id", id);
        user.put("name", name);
        user.put("role", role);
        user.put("team_id", 1L);
        user.put("manager_id", manager);
        user.put("extension", extension);
        user.put("active", true);
        user.put("updated_at", now);
        return user;
    }

    private static CrmChange change(String table, Instant committedAt, Map<String, Object> row) {
        return new CrmChange(table, "c", null, new HashMap<>(row), committedAt, null, null);
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, CrmChangeWriter writer, CrmChange change) {
        producer.send(new ProducerRecord<>(CrmTopics.topic(change.table()), null, change.committedAt().toEpochMilli(),
                writer.key(change), writer.value(change, false, false)));
    }

    /** Reads open alerts until every expected one came or the time is up; the latency of each that came. */
    private static List<Long> awaitAlerts(KafkaConsumer<String, String> consumer, Map<String, Instant> due,
                                          Instant giveUpAt) throws Exception {
        List<Long> latencies = new ArrayList<>();
        Map<String, Instant> waiting = new HashMap<>(due);
        while (!waiting.isEmpty() && Instant.now().isBefore(giveUpAt)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                long arrived = System.currentTimeMillis();
                JsonNode alert = JSON.readTree(record.value());
                Instant deadline = waiting.remove(record.key());
                if (deadline != null && "open".equals(alert.path("status").asText())) {
                    latencies.add(arrived - deadline.toEpochMilli());
                }
            }
        }
        if (!waiting.isEmpty()) {
            Console.step(waiting.size() + " alerts did not arrive in time / 未按时到达");
        }
        return latencies;
    }

    /** Reads a result topic as an integration would: committed records only, from the start. */
    static KafkaConsumer<String, String> committedConsumer(String kafka, String topic, String group) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    static Properties producerConfig(String kafka) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }
}
