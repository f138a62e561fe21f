package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.rest.RESTCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesops.infra.local.KafkaBroker;
import org.salesops.infra.rest.RestCatalogServer;
import org.salesops.jobs.generator.CompanyGenerator;
import org.salesops.jobs.generator.CompanyProfile;
import org.salesops.jobs.generator.GeneratedCompany;
import org.salesops.jobs.ingest.IcebergCatalogs;
import org.salesops.jobs.ingest.config.IngestConfig;
import org.salesops.jobs.ingest.config.IngestConfigLoader;

/**
 * The ingest job with an Iceberg REST catalog (catalog-type rest), configured through the job's own loader as the
 * job jar's main is: the small company published to a real Kafka broker, replayed on a MiniCluster into a real REST
 * catalog server (Iceberg's RESTCatalogServer in its own JVM, the server infra/k8s deploys), and every raw table read
 * back through the REST catalog holds exactly the generated rows. The warehouse is local: no S3 server here.
 */
class RestCatalogIngestTest {

    @Test
    void theJobWritesItsTablesThroughARestCatalogAndTheyReadBackThroughIt(@TempDir Path dir) throws Exception {
        int kafkaPort = twoFreePorts();
        try (KafkaBroker kafka = new KafkaBroker(dir.resolve("kafka"), kafkaPort);
             RestCatalogServer rest = RestCatalogServer.start(dir.resolve("rest"), freePort())) {
            // given: the small company on a real broker, and a REST catalog server
            kafka.start(line -> { });
            GeneratedCompany company = CompanyGenerator.generate(CompanyProfile.small());
            CompanyPublisher.Published published = CompanyPublisher.publish(company, kafka.bootstrapServers(),
                    CompanyPublisher.Options.defaults(), n -> { });

            // when: the job runs a replay with the configuration a cluster would give it
            IngestConfig config = IngestConfigLoader.load(new String[] {
                    "--bootstrap-servers", kafka.bootstrapServers(),
                    "--catalog-type", "rest",
                    "--catalog-uri", rest.uri(),
                    "--warehouse", rest.warehouse(),
                    "--checkpoint-interval", "PT2S",
                    "--bounded"}, Map.of());
            IngestRun.run(config, true);

            // then: a new client of the REST catalog finds every table under the server's warehouse, with the rows
            Catalog catalog = IcebergCatalogs.loader(config.catalogName(), config.catalogProperties()).loadCatalog();
            assertThat(catalog).isInstanceOf(RESTCatalog.class);
            for (Map.Entry<String, Long> expected : company.groundTruth().rowsPerRawTable().entrySet()) {
                Table table = catalog.loadTable(TableIdentifier.of("raw", expected.getKey()));
                assertThat(table.location()).startsWith(rest.warehouse());
                assertThat(read(table)).as("rows in raw.%s", expected.getKey()).hasSize(expected.getValue().intValue());
            }
            List<Record> deadLetters = read(catalog.loadTable(TableIdentifier.of("raw", "dead_letters")));
            assertThat(deadLetters.stream().filter(r -> "duplicate".equals(r.getField("error_kind"))).count())
                    .isEqualTo(published.redeliveries());
            assertThat(deadLetters.stream().filter(r -> "rejected".equals(r.getField("error_kind"))).count())
                    .isEqualTo(company.groundTruth().deadLetters());
            assertThat(catalog.listTables(Namespace.of("gold"))).isNotEmpty();
            ((RESTCatalog) catalog).close();
        }
    }

    private static List<Record> read(Table table) throws IOException {
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> it = IcebergGenerics.read(table).build()) {
            it.forEach(rows::add);
        }
        return rows;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A free port whose next one is free too: the broker listens on both (broker, controller). */
    private static int twoFreePorts() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            if (port < 65000) {
                try (ServerSocket next = new ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("No two consecutive free ports on the loopback interface");
    }
}
