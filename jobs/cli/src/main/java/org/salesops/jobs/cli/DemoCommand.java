package org.salesops.jobs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.salesops.infra.local.LocalStack;
import org.salesops.jobs.generator.CompanyGenerator;
import org.salesops.jobs.generator.GeneratedCompany;
import org.salesops.pipelines.crm.CrmSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The embedded default, end to end: local stack, a generated company on Kafka, the ingest job on a
 * local Flink MiniCluster, then a summary from Trino. Each run starts from an empty stack directory,
 * so the numbers are those of this company alone.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the local stack, generate a company, run the pipeline on it and print a summary from Trino.")
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @Mixin
    CompanyOptions company;

    @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--checkpoint-interval", defaultValue = "PT30S",
            description = "Checkpoint (= Iceberg commit) interval, ISO-8601 (default: ${DEFAULT-VALUE}). A replay commits "
                    + "less often than a live job: with 28 tables each checkpoint is a commit per table, and that cost "
                    + "dominates a replay (5 s checkpoints took twice as long as 30 s on the default company).")
    Duration checkpointInterval;

    @Option(names = "--keep-running", description = "Leave Kafka and Trino running after the summary, until Ctrl-C.")
    boolean keepRunning;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        Path stackDir = stack.stackDir.toAbsolutePath().normalize();
        Console.step("准备 Preparing a fresh stack directory " + stackDir);
        deleteRecursively(stackDir);

        try (LocalStack local = LocalStack.start(stackDir, stack.ports(), stack.catalogKind(), Console::detail)) {
            Console.step("生成公司 Generating the company " + company.profile());
            GeneratedCompany generated = CompanyGenerator.generate(company.profile());
            Path truth = stackDir.resolve("ground-truth.json");
            generated.groundTruth().writeJson(truth);
            Console.detail(generated.sizes());

            Console.step("发布到 Kafka Publishing to Kafka " + local.kafkaBootstrap());
            CompanyPublisher.Published published;
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("records").setStyle(ProgressBarStyle.ASCII)
                    .setInitialMax(CompanyPublisher.recordCount(generated)).continuousUpdate().build()) {
                published = CompanyPublisher.publish(generated, local.kafkaBootstrap(), CompanyPublisher.Options.defaults(),
                        bar::stepBy);
            }
            Console.detail(published.total() + " records " + published.recordsPerFamily() + ", of which "
                    + published.redeliveries() + " re-deliveries");

            Console.step("运行 Flink 作业 Running the ingest job (bounded replay, parallelism " + parallelism + ")");
            Duration jobTime = IngestRun.run(new IngestRun.Options(local.kafkaBootstrap(), local.catalogSettings().name(),
                    local.catalogSettings().icebergProperties(), parallelism, checkpointInterval, true)
                    .recovering(stackDir.resolve("checkpoints").toString(), null), true);
            Console.detail(String.format("done in %.1f s: %.0f input records/s end to end",
                    jobTime.toMillis() / 1000.0, published.total() / Math.max(0.001, jobTime.toMillis() / 1000.0)));

            Console.step("查询 Trino Querying Trino " + local.trinoJdbcUrl());
            try (Connection trino = DriverManager.getConnection(local.trinoJdbcUrl(), "director", null)) {
                TrinoViews.createAll(trino);
                TrinoLogins.publish(trino, local);
                System.out.println(DirectorSummary.render(trino, new ArrayList<>(CrmSchema.load().tables().keySet())));
            }

            Path report = stackDir.resolve("report.html");
            try (Connection trino = DriverManager.getConnection(local.trinoJdbcUrl(), "director", null)) {
                DashboardsCommand.writeReport(trino, local.trinoJdbcUrl(), report);
            }

            System.out.println("继续探索 Explore further:");
            System.out.println("  Report       " + report + "   (open in a browser 用浏览器打开)");
            System.out.println("  Trino JDBC   " + local.trinoJdbcUrl() + "   (user director sees all; people log in as their e-mail name 员工用邮箱名登录, README \"Who may see what\")");
            System.out.println("  Warehouse    " + local.catalogSettings().warehouseUri());
            System.out.println("  Catalog      " + local.catalogSettings().jdbcUrl());
            System.out.println("  Ground truth " + truth);
            System.out.printf("  Total time   %.0f s%n", (System.nanoTime() - started) / 1e9);
            if (keepRunning) {
                System.out.println("Kafka and Trino keep running; Ctrl-C stops them.");
                Thread.currentThread().join();
            } else {
                System.out.println("  Stack stopped; `./lakehouse stack` brings Kafka and Trino back over the same data.");
            }
        }
        return 0;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
