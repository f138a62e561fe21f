package org.salesops.jobs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `lakehouse` command. Its sub-commands are the ways to run the project; the README names the first. */
@Command(name = "lakehouse", mixinStandardHelpOptions = true, version = "salesops-lakehouse 0.1.0",
        description = "Sales-operations lakehouse 销售运营数据仓库: Kafka -> Flink -> Iceberg -> Trino.",
        subcommands = {DemoCommand.class, StackCommand.class, GenerateCommand.class, IngestCommand.class,
                BenchCommand.class, StatementsCommand.class,
                DashboardsCommand.class,
                SelfTestCommand.class,
                MaintainCommand.class,
                ViewsCommand.class,
                CommandLine.HelpCommand.class})
public final class Lakehouse implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Lakehouse());
        // A user mistake or a service that will not start is a message, not a stack trace.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getColorScheme().errorText("错误 Error: " + describe(e)));
            commandLine.getErr().println("Details are in the log: " + System.getProperty("lakehouse.log", "target/lakehouse.log"));
            org.slf4j.LoggerFactory.getLogger(Lakehouse.class).error("command failed", e);
            return 1;
        });
        System.exit(cli.execute(args));
    }

    static String describe(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append("\n  caused by: ").append(cause.getMessage());
            }
        }
        return message.toString();
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
