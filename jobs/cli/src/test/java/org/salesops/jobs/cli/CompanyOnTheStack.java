package org.salesops.jobs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import java.time.Duration;
import org.salesops.infra.local.CatalogKind;
import org.salesops.infra.local.LocalStack;
import org.salesops.infra.local.StackPorts;
import org.salesops.jobs.generator.CompanyGenerator;
import org.salesops.jobs.generator.CompanyProfile;
import org.salesops.jobs.generator.GeneratedCompany;

/**
 * The small generated company run once through the real stack (Kafka broker, the jobs on a
 * MiniCluster at parallelism 2, Iceberg, Trino with every view created), shared by every test
 * class of this module: starting the stack and replaying the company takes minutes, so the test
 * classes that read results from Trino all read the same run. Stopped when the test JVM exits.
 */
final class CompanyOnTheStack {

    private static CompanyOnTheStack instance;

    final LocalStack stack;
    final GeneratedCompany company;
    final CompanyPublisher.Published published;
    final Connection trino;

    private CompanyOnTheStack(LocalStack stack, GeneratedCompany company, CompanyPublisher.Published published,
                              Connection trino) {
        this.stack = stack;
        this.company = company;
        this.published = published;
        this.trino = trino;
    }

    static synchronized CompanyOnTheStack get() throws Exception {
        if (instance == null) {
            Path stackDir = Files.createTempDirectory("salesops-e2e-");
            LocalStack stack = LocalStack.start(stackDir, freePorts(), CatalogKind.SQLITE, line -> { });
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(stack)));
            GeneratedCompany company = CompanyGenerator.generate(CompanyProfile.small());
            CompanyPublisher.Published published = CompanyPublisher.publish(company, stack.kafkaBootstrap(),
                    CompanyPublisher.Options.defaults(), n -> { });
            IngestRun.run(new IngestRun.Options(stack.kafkaBootstrap(), stack.catalogSettings().name(),
                    stack.catalogSettings().icebergProperties(), 2, Duration.ofSeconds(2), true), true);
            Connection trino = DriverManager.getConnection(stack.trinoJdbcUrl(), "test", null);
            TrinoViews.createAll(trino);
            TrinoLogins.publish(trino, stack);
            instance = new CompanyOnTheStack(stack, company, published, trino);
        }
        return instance;
    }

    /** The single value of a one-row, one-column query. */
    long single(String sql) throws SQLException {
        try (Statement s = trino.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every committed record of a topic, from the beginning. */
    List<ConsumerRecord<String, String>> readTopic(String topic) {
        return TopicRecords.committed(stack.kafkaBootstrap(), topic, Map.of());
    }

    private static void close(LocalStack stack) {
        try {
            stack.close();
        } catch (Exception e) {
            System.err.println("could not stop the test stack: " + e);
        }
    }

    static StackPorts freePorts() throws IOException {
        // Kafka needs two consecutive ports (broker, controller); Trino one more.
        for (int attempt = 0; attempt < 50; attempt++) {
            int kafka;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                kafka = s.getLocalPort();
            }
            if (kafka < 65000 && free(kafka + 1) && free(kafka + 2)) {
                return new StackPorts(kafka, kafka + 2);
            }
        }
        throw new UncheckedIOException(new IOException("no three consecutive free loopback ports found"));
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
