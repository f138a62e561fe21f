package org.salesops.jobs.cli;

import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints the seed's self-test as a 1-5 scorecard for the company in Trino, with the evidence behind each score. */
@Command(name = "self-test", mixinStandardHelpOptions = true,
        description = "The seed's self-test 销售管理健康度自测: score each item 1-5 from its SQL (dashboards/self-test) on Trino.")
public final class SelfTestCommand implements Callable<Integer> {

    @Mixin
    DashboardsCommand.TrinoOptions trino;

    @Option(names = "--company", defaultValue = "the company in Trino",
            description = "What the data is, for the heading (default: ${DEFAULT-VALUE}).")
    String company;

    @Override
    public Integer call() throws Exception {
        try (Connection connection = trino.connect()) {
            System.out.print(SelfTestScorecard.render(SelfTestScorecard.score(connection), company));
        }
        return 0;
    }
}
