package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

    @Test
    void aReplayWithoutRunsToTakeTheMedianOfIsRefusedBeforeAnythingStarts() {
        for (String[] args : new String[][] {{"replay", "--warm-queries", "0"}, {"replay", "--repetitions", "0"}}) {
            StringWriter err = new StringWriter();
            CommandLine cli = new CommandLine(new BenchCommand()).setErr(new PrintWriter(err));

            int exit = cli.execute(args);

            assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
            assertThat(err.toString()).contains("--repetitions and --warm-queries must be at least 1");
        }
    }
}
