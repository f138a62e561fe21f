package org.salesops.jobs.cli;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.salesops.infra.local.CatalogKind;
import org.salesops.infra.local.LocalStack;
import org.salesops.infra.local.StackPorts;
import org.salesops.jobs.ingest.IngestJob;
import org.salesops.jobs.ingest.KafkaResultPublisher;
import org.salesops.jobs.ingest.KafkaTopics;
import org.salesops.pipelines.bank.BankTransaction;
import org.salesops.pipelines.bank.Camt054Writer;

/**
 * Payment-match latency on a live run: bank credits arrive on bank.camt054 at a steady rate (one camt.054
 * notification per credit, as real-time bank feeds send them) and the time is taken from each send to its
 * match record on the payment-matches topic, read committed. Matching is in event time and the topic is
 * written exactly once, so the configuration sets a floor: the live lag (out-of-orderness) plus on average
 * half a checkpoint interval. Meanwhile one credit a second is also looked for in gold.payment_matches
 * through Trino, for the time until an analyst can see it. The credits name no invoice the CRM knows (the
 * stack is empty): each becomes an unmatched credit, so this measures the path, not the search through a
 * large book of open invoices.
 */
final class MatchLatencyBenchmark {

    record Result(int sent, Duration sending, List<Long> kafkaMillis, List<Long> trinoMillis, int trinoSampled,
                  Map<String, Long> peakMemoryMiB) {
    }

    private static final String ACCOUNT = "CN6210250001000123456789";

    private MatchLatencyBenchmark() {
    }

    static Result run(Path workDir, StackPorts ports, int perSecond, Duration duration, Duration warmUp,
                      Duration liveLag, Duration checkpointing) throws Exception {
        try (LocalStack stack = LocalStack.start(workDir, ports, CatalogKind.SQLITE, Console::detail)) {
            String kafka = stack.kafkaBootstrap();
            KafkaTopics.ensure(kafka, KafkaTopics.all(), 2);
            IngestRun.Options options = new IngestRun.Options(kafka, stack.catalogSettings().name(),
                    stack.catalogSettings().icebergProperties(), 2, checkpointing, false, liveLag);
            JobClient job = IngestRun.prepare(options, true).executeAsync("salesops ingest (match latency)");
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            Map<String, Long> trinoWaiting = new ConcurrentHashMap<>();
            List<Long> kafkaLatencies = Collections.synchronizedList(new ArrayList<>());
            List<Long> trinoLatencies = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean sending = new AtomicBoolean(true);
            try (KafkaConsumer<String, String> matches = AlertLatencyBenchmark.committedConsumer(kafka,
                    KafkaResultPublisher.PAYMENT_MATCHES_TOPIC, "match-latency-benchmark");
                 Connection trino = DriverManager.getConnection(stack.trinoJdbcUrl(), ReplayBenchmark.TRINO_USER, null)) {
                matches.poll(Duration.ofSeconds(1)); // join the topic before the first credit
                // Written before the warm-up and the clock: the sending time and rate are of the sending alone. (They
                // used to include writing the XML, 8-12 s for 30,000 documents here, so a sender that kept its pace
                // was reported at 781 credits/s for 1,000 and 152 for 200.)
                List<Notification> notifications = notifications(perSecond, duration);
                Console.step("等待作业 Waiting " + warmUp + " for the job to run, then " + perSecond + " credits/s for " + duration);
                Thread.sleep(warmUp.toMillis());
                Thread trinoWatcher = new Thread(() -> watchTrino(trino, trinoWaiting, trinoLatencies, sending), "trino-watch");
                Thread matchReader = new Thread(() -> readMatches(matches, sentAt, kafkaLatencies, sending), "match-read");
                trinoWatcher.start();
                matchReader.start();
                long started = System.nanoTime();
                sendCredits(kafka, perSecond, notifications, sentAt, trinoWaiting);
                int sent = notifications.size();
                Duration sendingTime = Duration.ofNanos(System.nanoTime() - started);
                long giveUpAt = System.currentTimeMillis() + liveLag.toMillis() * 2 + checkpointing.toMillis() * 3 + 60_000;
                while ((!sentAt.isEmpty() || !trinoWaiting.isEmpty()) && System.currentTimeMillis() < giveUpAt) {
                    Thread.sleep(200);
                }
                sending.set(false);
                matchReader.join();
                trinoWatcher.join();
                if (!sentAt.isEmpty()) {
                    Console.step(sentAt.size() + " matches did not arrive in time / 未按时到达");
                }
                return new Result(sent, sendingTime, new ArrayList<>(kafkaLatencies), new ArrayList<>(trinoLatencies),
                        sent / perSecond, PeakMemory.peaksMiB(stack.stackDir()));
            } finally {
                job.cancel().get();
            }
        }
    }

    /** One credit's notification, written before the clock starts so that writing XML does not slow the sending. */
    private record Notification(String reference, byte[] messageId, byte[] xml) {
    }

    /** The notifications of {@code perSecond * duration} credits, one credit each. */
    private static List<Notification> notifications(int perSecond, Duration duration) {
        Camt054Writer camt = new Camt054Writer();
        int total = (int) (perSecond * duration.toSeconds());
        Instant written = Instant.now();
        List<Notification> notifications = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            String reference = "BENCH-" + written.toEpochMilli() + "-" + i;
            String messageId = "NTF-" + reference;
            notifications.add(new Notification(reference, messageId.getBytes(StandardCharsets.UTF_8),
                    camt.write(messageId, written, ACCOUNT, List.of(credit(reference, messageId, written, i)))
                            .getBytes(StandardCharsets.UTF_8)));
        }
        return notifications;
    }

    /** Sends credits paced to the rate, one each 1/rate s on average; every rate-th is also watched in Trino. */
    private static void sendCredits(String kafka, int perSecond, List<Notification> notifications,
                                    Map<String, Long> sentAt, Map<String, Long> trinoWaiting) throws InterruptedException {
        int total = notifications.size();
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(AlertLatencyBenchmark.producerConfig(kafka))) {
            for (int i = 0; i < total; i++) {
                long wait = start + (long) i * 1_000_000_000L / perSecond - System.nanoTime();
                if (wait > 1_000_000) {
                    Thread.sleep(wait / 1_000_000);
                }
                Notification n = notifications.get(i);
                long now = System.currentTimeMillis();
                sentAt.put(ACCOUNT + "/" + n.reference(), now);
                if (i % perSecond == 0) {
                    trinoWaiting.put(n.reference(), now);
                }
                // The record time is the event time the job's watermarks follow.
                producer.send(new ProducerRecord<>(IngestJob.BANK_TOPIC, null, now, n.messageId(), n.xml()));
            }
            producer.flush();
        }
    }

    private static BankTransaction credit(String reference, String messageId, Instant at, int i) {
        return new BankTransaction(reference, "camt.054.001.08", messageId, ACCOUNT,
                new BigDecimal(1000 + i % 9000).setScale(2), "CNY", LocalDate.ofInstant(at, ZoneOffset.UTC), null, at,
                "BOOK", false, reference, null, "基准测试客户 " + (i % 50) + " 有限公司", "CN0000000000" + (i % 50),
                "货款 payment " + i, null, List.of(), "PMNT/RCDT/DMCT");
    }

    private static void readMatches(KafkaConsumer<String, String> consumer, Map<String, Long> sentAt,
                                    List<Long> latencies, AtomicBoolean running) {
        while (running.get()) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                long arrived = System.currentTimeMillis();
                Long sent = sentAt.remove(record.key());
                if (sent != null) {
                    latencies.add(arrived - sent);
                }
            }
        }
    }

    /** Once a second, asks Trino which watched credits have a row in gold.payment_matches yet. */
    private static void watchTrino(Connection trino, Map<String, Long> waiting, List<Long> latencies,
                                   AtomicBoolean running) {
        while (running.get()) {
            try {
                Thread.sleep(1000);
                if (waiting.isEmpty()) {
                    continue;
                }
                String keys = String.join("','", waiting.keySet());
                try (Statement statement = trino.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT transaction_key FROM gold.payment_matches "
                             + "WHERE transaction_key IN ('" + keys + "')")) {
                    long seen = System.currentTimeMillis();
                    while (rs.next()) {
                        Long sent = waiting.remove(rs.getString(1));
                        if (sent != null) {
                            latencies.add(seen - sent);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                Console.detail("Trino poll failed (retrying): " + e.getMessage());
            }
        }
    }
}
