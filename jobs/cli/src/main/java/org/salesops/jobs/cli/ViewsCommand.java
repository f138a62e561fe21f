package org.salesops.jobs.cli;

import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Creates (or replaces) the Trino views of schemas/views and loads the configuration tables they read, on any
 * Trino: what `./lakehouse demo` and `stack` do for the local one, for a cluster's (infra/k8s, the trino-views Job).
 */
@Command(name = "views", mixinStandardHelpOptions = true,
        description = "Create the views of schemas/views (crm.<table> as it is now, the gold views) in Trino "
                + "创建 Trino 视图; the user must be a service account of schemas/access (definer rights).")
public final class ViewsCommand implements Callable<Integer> {

    @Mixin
    DashboardsCommand.TrinoOptions trino;

    @Override
    public Integer call() throws Exception {
        try (Connection connection = trino.connect()) {
            TrinoViews.createAll(connection);
        }
        Console.step("视图已创建 Views created in " + trino.url);
        return 0;
    }
}
