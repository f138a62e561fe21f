package org.salesops.jobs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.salesops.jobs.ingest.IngestJob;
import org.salesops.jobs.ingest.KafkaTopics;
import org.salesops.pipelines.bank.StatementFileParser;
import org.salesops.pipelines.common.RejectedInput;

/**
 * The watched folder where finance drops end-of-day statements (camt.053, MT940/MT942, Chinese bank
 * CSV exports). Each finished file goes whole onto the statements topic as one record keyed by its
 * name, so the ingest job loads it all or nothing: every transaction, or one dead letter with the
 * reason and the file's bytes. Published files move to processed/; files that cannot travel (too
 * large, unreadable) move to rejected/ with a .reason.txt beside them. Files still being written
 * (hidden, *.part / *.tmp / *.crdownload, or changed within the settle time) wait for the next sweep.
 */
final class StatementFolder implements AutoCloseable {

    /** What one sweep did, per file, for the person who dropped them. */
    record Outcome(Path file, String verdict, boolean published) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
    private static final List<String> UNFINISHED = List.of(".part", ".tmp", ".crdownload");

    private final Path folder;
    private final Duration settle;
    private final KafkaProducer<byte[], byte[]> producer;
    private final StatementFileParser parser = new StatementFileParser();

    StatementFolder(Path folder, String bootstrapServers, Duration settle) throws ExecutionException, InterruptedException {
        this.folder = folder;
        this.settle = settle;
        KafkaTopics.ensure(bootstrapServers, List.of(IngestJob.STATEMENT_TOPIC), 2);
        this.producer = new KafkaProducer<>(producerConfig(bootstrapServers));
    }

    /** Publishes every finished file once; returns what became of each. */
    List<Outcome> sweep() throws IOException, ExecutionException, InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        for (Path file : finishedFiles()) {
            long size = Files.size(file);
            if (size > KafkaTopics.MAX_STATEMENT_BYTES) {
                outcomes.add(reject(file, "larger than " + KafkaTopics.MAX_STATEMENT_BYTES / (1024 * 1024)
                        + " MiB (" + size + " bytes): split the export by date range / 文件过大,请按日期拆分导出"));
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            producer.send(new ProducerRecord<>(IngestJob.STATEMENT_TOPIC, null, System.currentTimeMillis(),
                    name.getBytes(StandardCharsets.UTF_8), bytes)).get();
            outcomes.add(new Outcome(file, verdict(bytes, name), true));
            move(file, "processed");
        }
        return outcomes;
    }

    /** The parser's verdict, so whoever dropped the file hears at once; the job decides the same way. */
    private String verdict(byte[] bytes, String name) {
        try {
            return parser.parse(bytes, name).size() + " transactions / 笔交易";
        } catch (RejectedInput e) {
            return "will be a dead letter / 将进入死信表: " + e.getMessage();
        } catch (RuntimeException e) {
            return "will be a dead letter / 将进入死信表: " + e;
        }
    }

    private List<Path> finishedFiles() throws IOException {
        Instant settledBefore = Instant.now().minus(settle);
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> UNFINISHED.stream().noneMatch(f.getFileName().toString().toLowerCase()::endsWith))
                    .filter(f -> modifiedBefore(f, settledBefore))
                    .sorted()
                    .toList();
        }
    }

    private static boolean modifiedBefore(Path file, Instant time) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(time);
        } catch (IOException e) {
            return false; // gone or unreadable for now: the next sweep looks again
        }
    }

    private Outcome reject(Path file, String reason) throws IOException {
        Path moved = move(file, "rejected");
        Files.writeString(moved.resolveSibling(moved.getFileName() + ".reason.txt"), reason + System.lineSeparator());
        return new Outcome(file, "rejected / 已拒收: " + reason, false);
    }

    /** Into a subfolder, the name prefixed with the time so a re-dropped file never overwrites an earlier one. */
    private Path move(Path file, String subfolder) throws IOException {
        Path target = folder.resolve(subfolder);
        Files.createDirectories(target);
        return Files.move(file, target.resolve(STAMP.format(Instant.now()) + "-" + file.getFileName()),
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static Properties producerConfig(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(KafkaTopics.MAX_STATEMENT_BYTES + 65_536));
        return config;
    }

    @Override
    public void close() {
        producer.close();
    }
}
