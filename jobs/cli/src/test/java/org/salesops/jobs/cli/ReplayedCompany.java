package org.salesops.jobs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.salesops.infra.local.CatalogSettings;
import org.salesops.infra.local.KafkaBroker;
import org.salesops.jobs.generator.CompanyGenerator;
import org.salesops.jobs.generator.CompanyProfile;
import org.salesops.jobs.ingest.config.IngestConfig;

/**
 * The small company published on a Kafka broker of its own (no Trino: results are read back through the
 * Iceberg API), and what one clean bounded run of the ingest job made of it: the reference every run
 * interrupted by failures, savepoints or changes of the job must equal. Shared by the test classes that
 * interrupt runs; each of their runs writes a catalog of its own. Stopped when the test JVM exits.
 */
final class ReplayedCompany {

    /**
     * Interrupted runs checkpoint (= commit to Iceberg) back to back: every completed checkpoint is a real
     * progress point to interrupt at, and a run has many more of them than it is interrupted times. The clean
     * run commits less often; exactly once, the results do not depend on when commits happen.
     */
    static final Duration INTERRUPTED_CHECKPOINTS = Duration.ofMillis(200);
    private static final Duration CLEAN_CHECKPOINTS = Duration.ofSeconds(2);
    /**
     * No periodic checkpoint (Flink draws the first at random below the interval: this one is centuries away),
     * so that nothing commits after a savepoint but the savepoint itself.
     */
    private static final Duration NO_PERIODIC_CHECKPOINTS = Duration.ofMillis(Long.MAX_VALUE / 2);

    /** The seed of every random choice of the tests that interrupt runs; {@code -Dfailover.seed=<seed>} repeats them. */
    static final long SEED = Long.getLong("failover.seed", new SecureRandom().nextLong());

    private static ReplayedCompany instance;

    final Path dir;
    final KafkaBroker broker;
    final LakehouseContents clean;
    final Duration cleanRun;

    private ReplayedCompany(Path dir, KafkaBroker broker, LakehouseContents clean, Duration cleanRun) {
        this.dir = dir;
        this.broker = broker;
        this.clean = clean;
        this.cleanRun = cleanRun;
    }

    static synchronized ReplayedCompany get() throws Exception {
        if (instance == null) {
            System.out.println("failover seed " + SEED + " (rerun with -Dfailover.seed=" + SEED + ")");
            Path dir = Files.createTempDirectory("salesops-failover-");
            KafkaBroker broker = new KafkaBroker(dir.resolve("kafka"), CompanyOnTheStack.freePorts().kafka());
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop));
            broker.start(line -> { });
            CompanyPublisher.publish(CompanyGenerator.generate(CompanyProfile.small()), broker.bootstrapServers(),
                    CompanyPublisher.Options.defaults(), n -> { });
            CatalogSettings catalog = catalog(dir, "clean");
            var topicsFrom = LakehouseContents.topicEnds(broker.bootstrapServers());
            Duration took = IngestRun.run(options(broker, catalog, dir.resolve("clean-checkpoints"), 2, CLEAN_CHECKPOINTS),
                    true);
            instance = new ReplayedCompany(dir, broker, LakehouseContents.read(catalog, broker.bootstrapServers(),
                    topicsFrom), took);
            System.out.printf("Clean run: %d rows in %d tables, %d records on the result topics, job ran %d s%n",
                    instance.clean.rowCount(), instance.clean.tables().size(), instance.clean.recordCount(),
                    took.toSeconds());
        }
        return instance;
    }

    /** The catalog (SQLite) and warehouse of one run, empty until it writes; the clean run's is {@code "clean"}. */
    CatalogSettings catalog(String name) {
        return catalog(dir, name);
    }

    /** A bounded run into {@code catalog}, checkpointing often into {@code checkpoints}, started fresh. */
    IngestRun.Options interruptedRun(CatalogSettings catalog, Path checkpoints, int parallelism) {
        return options(broker, catalog, checkpoints, parallelism, INTERRUPTED_CHECKPOINTS);
    }

    /**
     * A bounded run into {@code catalog} that commits only at the savepoints it is asked for, also once its input is
     * read (it cannot end without a checkpoint then).
     */
    IngestConfig savepointedRun(CatalogSettings catalog, Path checkpoints, int parallelism) {
        return options(broker, catalog, checkpoints, parallelism, NO_PERIODIC_CHECKPOINTS).config()
                .checkpointingEvenlyAtEnd();
    }

    /** What a run left, its topic records read from {@code topicsFrom} (taken before it started). */
    LakehouseContents contents(CatalogSettings catalog,
                               Map<String, Map<TopicPartition, Long>> topicsFrom)
            throws Exception {
        return LakehouseContents.read(catalog, broker.bootstrapServers(), topicsFrom);
    }

    private static CatalogSettings catalog(Path dir, String name) {
        try {
            return CatalogSettings.sqlite(Files.createDirectories(dir.resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IngestRun.Options options(KafkaBroker broker, CatalogSettings catalog, Path checkpoints,
                                             int parallelism, Duration checkpointing) {
        return new IngestRun.Options(broker.bootstrapServers(), catalog.name(), catalog.icebergProperties(),
                parallelism, checkpointing, true).recovering(checkpoints.toString(), "");
    }
}
