package org.salesops.jobs.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.salesops.infra.local.StackPorts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Benchmarks: they print figures and are not tests. Each starts its own local stack in a temporary directory. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks (figures, not tests); each starts its own stack in a temporary directory.",
        subcommands = {BenchCommand.AlertLatency.class})
public final class BenchCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("Choose a benchmark: lakehouse bench alert-latency");
    }

    @Command(name = "alert-latency", mixinStandardHelpOptions = true,
            description = "Live run: from a deadline passing to the alert on the Kafka topic, p50/p90/p99.")
    static final class AlertLatency implements Callable<Integer> {

        @Option(names = "--leads", defaultValue = "200", description = "Leads whose SLA deadline passes (default: ${DEFAULT-VALUE}).")
        int leads;

        @Option(names = "--spread", defaultValue = "PT60S", description = "Deadlines spread over this long (default: ${DEFAULT-VALUE}).")
        Duration spread;

        @Option(names = "--live-lag", defaultValue = "PT2S",
                description = "Out-of-orderness and quiet time before the wall clock drives time (default: ${DEFAULT-VALUE}).")
        Duration liveLag;

        @Option(names = "--checkpoint-interval", defaultValue = "PT2S",
                description = "Checkpoint interval: exactly-once alerts are visible at the commit (default: ${DEFAULT-VALUE}).")
        Duration checkpointing;

        @Option(names = "--kafka-port", defaultValue = "19092", description = "Kafka port; the controller takes the next (default: ${DEFAULT-VALUE}).")
        int kafkaPort;

        @Option(names = "--trino-port", defaultValue = "18080", description = "Trino port (default: ${DEFAULT-VALUE}).")
        int trinoPort;

        @Override
        public Integer call() throws Exception {
            Console.step("告警延迟基准 Alert latency benchmark: " + leads + " leads, live lag " + liveLag
                    + ", checkpoints every " + checkpointing);
            AlertLatencyBenchmark.Result result = AlertLatencyBenchmark.run(AlertLatencyBenchmark.tempDir(),
                    new StackPorts(kafkaPort, trinoPort), leads, spread, liveLag, checkpointing);
            List<Long> sorted = new ArrayList<>(result.latenciesMillis());
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                Console.step("No alert arrived / 没有收到告警");
                return 1;
            }
            long floor = liveLag.toMillis() + checkpointing.toMillis() / 2;
            System.out.printf(Locale.ROOT, "%n截止 -> Kafka 告警延迟 Deadline -> alert on Kafka (%d of %d alerts)%n",
                    sorted.size(), leads);
            System.out.printf(Locale.ROOT, "  p50 %6d ms   p90 %6d ms   p99 %6d ms   max %6d ms%n",
                    percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted.get(sorted.size() - 1));
            System.out.printf(Locale.ROOT, "  configured floor (live lag + half a checkpoint) %d ms; p50 / floor = %.2f%n",
                    floor, (double) percentile(sorted, 50) / floor);
            return sorted.size() == leads ? 0 : 1;
        }
    }

    static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
