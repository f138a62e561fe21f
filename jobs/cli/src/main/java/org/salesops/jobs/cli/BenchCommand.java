package org.salesops.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.salesops.infra.local.StackPorts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Benchmarks: they print figures and are not tests. Each starts its own local stack in a temporary directory. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks (figures, not tests); each starts its own stack in a temporary directory.",
        subcommands = {BenchCommand.Replay.class, BenchCommand.AlertLatency.class, BenchCommand.MatchLatency.class,
                BenchCommand.MatchThroughput.class})
public final class BenchCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("Choose a benchmark: lakehouse bench replay | alert-latency | match-latency | match-throughput");
    }

    @Command(name = "alert-latency", mixinStandardHelpOptions = true,
            description = "Live run: from a deadline passing to the alert on the Kafka topic, p50/p90/p99.")
    static final class AlertLatency implements Callable<Integer> {

        @Option(names = "--leads", defaultValue = "200", description = "Leads whose SLA deadline passes (default: ${DEFAULT-VALUE}).")
        int leads;

        @Option(names = "--spread", defaultValue = "PT60S", description = "Deadlines spread over this long (default: ${DEFAULT-VALUE}).")
        Duration spread;

        @Mixin
        LiveRun live;

        @Mixin
        BenchPorts ports;

        @Override
        public Integer call() throws Exception {
            Console.step("告警延迟基准 Alert latency benchmark: " + leads + " leads, " + live);
            AlertLatencyBenchmark.Result result = inOwnDir(
                    dir -> AlertLatencyBenchmark.run(dir, ports.stack(), leads, spread, live.lag, live.checkpointing));
            List<Long> sorted = new ArrayList<>(result.latenciesMillis());
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                Console.step("No alert arrived / 没有收到告警");
                return 1;
            }
            System.out.printf(Locale.ROOT, "%n截止 -> Kafka 告警延迟 Deadline -> alert on Kafka (%d of %d alerts)%n",
                    sorted.size(), leads);
            printPercentiles(sorted);
            live.printFloor(p(sorted, 50));
            return sorted.size() == leads ? 0 : 1;
        }
    }

    @Command(name = "match-latency", mixinStandardHelpOptions = true,
            description = "Live run: bank credit on Kafka -> its match on the payment-matches topic at a steady rate, "
                    + "p50/p90/p99; and -> visible in gold.payment_matches through Trino.")
    static final class MatchLatency implements Callable<Integer> {

        @Option(names = "--rate", defaultValue = "1000", description = "Credits per second (default: ${DEFAULT-VALUE}).")
        int rate;

        @Option(names = "--duration", defaultValue = "PT60S", description = "How long credits are sent (default: ${DEFAULT-VALUE}).")
        Duration duration;

        @Option(names = "--warm-up", defaultValue = "PT15S",
                description = "Time the running job gets before the first credit (default: ${DEFAULT-VALUE}).")
        Duration warmUp;

        @Mixin
        LiveRun live;

        @Mixin
        BenchPorts ports;

        @Override
        public Integer call() throws Exception {
            Console.step("核销延迟基准 Match latency benchmark: " + rate + " credits/s for " + duration + ", " + live);
            MatchLatencyBenchmark.Result r = inOwnDir(
                    dir -> MatchLatencyBenchmark.run(dir, ports.stack(), rate, duration, warmUp, live.lag, live.checkpointing));
            System.out.printf(Locale.ROOT, "%n发送 Sent %d credits in %.1f s = %.0f credits/s%n", r.sent(),
                    r.sending().toMillis() / 1000.0, r.sent() / (r.sending().toMillis() / 1000.0));
            if (!r.kafkaMillis().isEmpty()) {
                System.out.printf(Locale.ROOT, "入账 -> Kafka 核销 Credit on Kafka -> match on Kafka (%d of %d)%n",
                        r.kafkaMillis().size(), r.sent());
                printPercentiles(r.kafkaMillis());
                live.printFloor(p(r.kafkaMillis(), 50));
            }
            if (!r.trinoMillis().isEmpty()) {
                System.out.printf(Locale.ROOT, "入账 -> Trino 可见 Credit on Kafka -> row in Trino (%d of %d sampled, polled every 1 s)%n",
                        r.trinoMillis().size(), r.trinoSampled());
                printPercentiles(r.trinoMillis());
            }
            printPeaks(r.peakMemoryMiB());
            return r.kafkaMillis().size() == r.sent() ? 0 : 1;
        }
    }

    @Command(name = "match-throughput", mixinStandardHelpOptions = true,
            description = "The matching engine alone (no Kafka, no Iceberg): credits/s with a large book of open invoices "
                    + "in state, against the same credits with a small book.")
    static final class MatchThroughput implements Callable<Integer> {

        @Option(names = "--open-invoices", defaultValue = "100000", description = "Open invoices in state (default: ${DEFAULT-VALUE}).")
        int openInvoices;

        @Option(names = "--baseline-invoices", defaultValue = "10000", description = "Open invoices of the baseline (default: ${DEFAULT-VALUE}).")
        int baselineInvoices;

        @Option(names = "--credits", defaultValue = "10000",
                description = "Credits matched against each book, each paying a different invoice (default: ${DEFAULT-VALUE}).")
        int credits;

        @Option(names = "--repetitions", defaultValue = "3", description = "Runs of each; medians are reported (default: ${DEFAULT-VALUE}).")
        int repetitions;

        @Override
        public Integer call() throws Exception {
            Console.step("核销吞吐基准 Match throughput benchmark: " + credits + " credits against " + openInvoices
                    + " open invoices, baseline " + baselineInvoices + ", " + repetitions + " runs each");
            MatchThroughputBenchmark.warmUp();
            MatchThroughputBenchmark.Run baseline = MatchThroughputBenchmark.run(baselineInvoices, credits, repetitions);
            MatchThroughputBenchmark.Run large = MatchThroughputBenchmark.run(openInvoices, credits, repetitions);
            System.out.printf(Locale.ROOT, "%n核销吞吐 Matching throughput (first match out to last, book already in state; medians)%n");
            for (MatchThroughputBenchmark.Run run : List.of(baseline, large)) {
                System.out.printf(Locale.ROOT, "  %,9d open invoices   %8.0f credits/s   matching runs %s   whole job runs %s%n",
                        run.openInvoices(), run.creditsPerSecond(), millis(run.matching()), millis(run.jobs()));
            }
            System.out.printf(Locale.ROOT, "  large book / baseline = %.2f%n", large.creditsPerSecond() / baseline.creditsPerSecond());
            return 0;
        }

        private static List<String> millis(List<Duration> runs) {
            return runs.stream().map(d -> d.toMillis() + "ms").toList();
        }
    }

    /** A benchmark run in a temporary directory of its own (its stack, warehouse, checkpoints), deleted afterwards. */
    private static <T> T inOwnDir(InDir<T> benchmark) throws Exception {
        Path dir = Files.createTempDirectory("salesops-bench-");
        try {
            return benchmark.run(dir);
        } finally {
            DemoCommand.deleteRecursively(dir);
        }
    }

    @FunctionalInterface
    private interface InDir<T> {
        T run(Path dir) throws Exception;
    }

    private static void printPeaks(Map<String, Long> peakMiB) {
        System.out.printf(Locale.ROOT, "%n内存 Peak RSS (VmHWM)%n");
        peakMiB.forEach((name, mib) -> System.out.printf(Locale.ROOT, "  %-36s %6d MiB%n", name, mib));
    }

    private static long p(List<Long> samples, int p) {
        return (long) Percentiles.of(samples, p);
    }

    private static void printPercentiles(List<Long> millis) {
        System.out.printf(Locale.ROOT, "  p50 %6d ms   p90 %6d ms   p99 %6d ms   max %6d ms%n",
                p(millis, 50), p(millis, 90), p(millis, 99), p(millis, 100));
    }

    /** Where each benchmark's own stack listens. */
    static final class BenchPorts {

        @Option(names = "--kafka-port", defaultValue = "19092", description = "Kafka port; the controller takes the next (default: ${DEFAULT-VALUE}).")
        int kafkaPort;

        @Option(names = "--trino-port", defaultValue = "18080", description = "Trino port (default: ${DEFAULT-VALUE}).")
        int trinoPort;

        StackPorts stack() {
            return new StackPorts(kafkaPort, trinoPort);
        }
    }

    /** How a live run keeps time; together they set the floor of any latency it can show. */
    static final class LiveRun {

        @Option(names = "--live-lag", defaultValue = "PT2S",
                description = "Out-of-orderness and quiet time before the wall clock drives time (default: ${DEFAULT-VALUE}).")
        Duration lag;

        @Option(names = "--checkpoint-interval", defaultValue = "PT2S",
                description = "Checkpoint interval: exactly-once results are visible at the commit (default: ${DEFAULT-VALUE}).")
        Duration checkpointing;

        /** A result waits out the live lag, then on average half a checkpoint for its commit. */
        void printFloor(long p50Millis) {
            long floor = lag.toMillis() + checkpointing.toMillis() / 2;
            System.out.printf(Locale.ROOT, "  configured floor (live lag + half a checkpoint) %d ms; p50 / floor = %.2f%n",
                    floor, (double) p50Millis / floor);
        }

        @Override
        public String toString() {
            return "live lag " + lag + ", checkpoints every " + checkpointing;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Replay throughput of the whole ingest job against the limit (raw Kafka consume + parse, no Flink) "
                    + "and a plain Flink SQL version of three metrics, "
                    + "then dashboard and lineage query times on Trino and the stack's peak memory.")
    static final class Replay implements Callable<Integer> {

        @Mixin
        CompanyOptions company;

        @Option(names = "--repetitions", defaultValue = "3", description = "Limit, floor and replay runs each; medians are reported (default: ${DEFAULT-VALUE}).")
        int repetitions;

        @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism, and the threads of the limit and the floor (default: ${DEFAULT-VALUE}).")
        int parallelism;

        @Option(names = "--checkpoint-interval", defaultValue = "PT30S",
                description = "Checkpoint (= Iceberg commit) interval of the replay, as in the demo (default: ${DEFAULT-VALUE}).")
        Duration checkpointing;

        @Option(names = "--warm-queries", defaultValue = "5", description = "Warm runs of each timed query (default: ${DEFAULT-VALUE}).")
        int warmQueries;

        @Mixin
        BenchPorts ports;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            // Checked before the stack starts: a median of no runs would fail only after the whole replay.
            if (repetitions < 1 || warmQueries < 1) {
                throw new ParameterException(spec.commandLine(),
                        "--repetitions and --warm-queries must be at least 1: the bench reports medians of them");
            }
            Console.step("回放基准 Replay benchmark: " + repetitions + " x (limit, floor, replay), parallelism " + parallelism
                    + ", checkpoints every " + checkpointing);
            ReplayBenchmark.Result r = inOwnDir(dir -> ReplayBenchmark.run(dir, ports.stack(),
                    new ReplayBenchmark.Options(company.profile(), repetitions, parallelism, checkpointing, warmQueries)));
            double limit = r.limitMedianPerSecond();
            double floor = r.floorMedianPerSecond();
            double replay = r.replayMedianPerSecond();
            System.out.printf(Locale.ROOT, "%n吞吐 Throughput, %d input records, medians of %d%n", r.records(), repetitions);
            System.out.printf(Locale.ROOT, "  limit  (Kafka consume + parse, no Flink)   %10.0f records/s   runs %s%n", limit,
                    seconds(r.limits().stream().map(RawConsumeLimit.Result::elapsed).toList()));
            System.out.printf(Locale.ROOT, "  floor  (limit + typed rows in Iceberg)     %10.0f records/s   runs %s%n", floor,
                    seconds(r.floors().stream().map(RawConsumeLimit.Result::elapsed).toList()));
            System.out.printf(Locale.ROOT, "  replay (whole ingest job, exactly-once)    %10.0f records/s   runs %s%n", replay,
                    seconds(r.replays()));
            System.out.printf(Locale.ROOT, "  replay / limit = %.4f;  floor / limit = %.4f;  replay / floor = %.4f;  replay / goal (100,000/s) = %.4f%n",
                    replay / limit, floor / limit, replay / floor, replay / 100_000);
            double sql = r.sqlBaselineMedianPerSecond();
            System.out.printf(Locale.ROOT, "  plain Flink SQL, 3 metrics, 4 CRM topics   %10.0f records/s   runs %s%n", sql,
                    seconds(r.sqlBaselines().stream().map(SqlBaseline.Result::elapsed).toList()));
            System.out.printf(Locale.ROOT, "  replay / plain SQL = %.2f%n", replay / sql);
            SqlBaseline.Result first = r.sqlBaselines().get(0);
            ReplayBenchmark.OurFigures ours = r.ours();
            System.out.printf(Locale.ROOT, "%n答案对比 Answers, plain SQL vs the job%n");
            System.out.printf(Locale.ROOT, "  %-58s %10s %10s%n", "", "plain SQL", "job");
            System.out.printf(Locale.ROOT, "  %-58s %10d %10d%n", "leads with a first contact 已首次联系的线索",
                    first.respondedLeads(), ours.respondedLeads());
            System.out.printf(Locale.ROOT, "  %-58s %10.0f %10.0f%n", "median response minutes 首次响应分钟中位数",
                    first.medianResponseMinutes(), ours.medianResponseMinutes());
            System.out.printf(Locale.ROOT, "  %-58s %5d/%-4d %5d/%-4d%n", "commitments kept on time / all 按时兑现承诺",
                    first.commitmentsKept(), first.commitments(), ours.commitmentsKept(), ours.commitments());
            System.out.printf(Locale.ROOT, "  %-58s %10d %10d%n", "stage dwell: silent now (SQL) / alerts at deadline (job)",
                    first.silentOpportunities(), ours.stageDwellAlerts());
            System.out.printf(Locale.ROOT, "%n查询 Queries on Trino (cold = first run; warm = median of %d)%n", warmQueries);
            for (QueryTimings.Timing t : r.queries()) {
                System.out.printf(Locale.ROOT, "  %-52s cold %6d ms   warm %8.0f ms   warm runs %s%n", t.name(), t.coldMillis(),
                        t.warmMedian(), t.warmMillis());
            }
            printPeaks(r.peakMemoryMiB());
            return 0;
        }

        private static List<String> seconds(List<Duration> runs) {
            return runs.stream().map(d -> String.format(Locale.ROOT, "%.2fs", d.toMillis() / 1000.0)).toList();
        }
    }
}
