package org.salesops.jobs.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.salesops.pipelines.crm.CrmSchema;
import org.salesops.pipelines.crm.CrmTopics;

/** The topics the pipeline reads and writes, created if missing. */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    /**
     * A new topic's partitions get their leader a moment after the topic exists; a producer writing
     * before that sees NotLeaderOrFollower errors. Waits until every partition has a leader.
     */
    private static void awaitLeaders(Admin admin, Collection<String> names) throws ExecutionException, InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            boolean ready = admin.describeTopics(names).allTopicNames().get().values().stream()
                    .flatMap(t -> t.partitions().stream()).allMatch(p -> p.leader() != null && !p.leader().isEmpty());
            if (ready) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Kafka topics still without a partition leader after 60 s: " + names);
            }
            Thread.sleep(200);
        }
    }

    /** Every input topic (one per CRM table, calls, bank notifications and statements) and the result topics. */
    public static List<String> all() {
        List<String> names = new ArrayList<>();
        CrmSchema.load().tables().keySet().forEach(t -> names.add(CrmTopics.topic(t)));
        names.add(IngestJob.CALL_TOPIC);
        names.add(IngestJob.BANK_TOPIC);
        names.add(IngestJob.STATEMENT_TOPIC);
        names.add(KafkaResultPublisher.ALERTS_TOPIC);
        names.add(KafkaResultPublisher.PAYMENT_MATCHES_TOPIC);
        return names;
    }

    /** A statement file travels whole, as one record (see StatementFolder): up to this size. */
    public static final int MAX_STATEMENT_BYTES = 16 * 1024 * 1024;

    /**
     * Creates the topics that do not exist yet. Records are kept forever: the topics are the
     * replayable source of truth, and time-based retention would delete a replayed history (whose
     * record times lie in the past) as soon as it arrives.
     */
    public static void ensure(String bootstrapServers, Collection<String> names, int partitions)
            throws ExecutionException, InterruptedException {
        ensure(bootstrapServers, names, partitions, (short) 1);
    }

    /** As above, each partition kept on {@code replicationFactor} brokers. */
    public static void ensure(String bootstrapServers, Collection<String> names, int partitions, short replicationFactor)
            throws ExecutionException, InterruptedException {
        List<NewTopic> topics = names.stream()
                .map(name -> new NewTopic(name, partitions, replicationFactor).configs(name.equals(IngestJob.STATEMENT_TOPIC)
                        ? Map.of("retention.ms", "-1", "max.message.bytes", String.valueOf(MAX_STATEMENT_BYTES + 65_536))
                        : Map.of("retention.ms", "-1")))
                .toList();
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            awaitLeaders(admin, names);
        }
    }
}
