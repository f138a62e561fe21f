package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.salesops.dashboards.AssetKind;
import org.salesops.dashboards.Bundle;
import org.salesops.dashboards.HtmlReport;

/** The dashboards as one HTML page, from the real Trino, and — where Chromium is installed — drawn by a browser. */
class HtmlReportTest {

    static final Path REPORT = Path.of("target", "dashboards", "report.html").toAbsolutePath();
    static final Path SCREENSHOT = Path.of("target", "dashboards", "report.png").toAbsolutePath();
    static final String CHROMIUM = "/usr/bin/chromium";
    static HtmlReport.Rendered rendered;

    @BeforeAll
    static void renderTheReport() throws Exception {
        CompanyOnTheStack run = CompanyOnTheStack.get();
        Connection trino = run.trino;
        rendered = DashboardsCommand.writeReport(trino, run.stack.trinoJdbcUrl(), REPORT);
    }

    @Test
    void everyChartOfEveryDashboardIsOnThePageWithoutAFailedQuery() {
        assertThat(rendered.failures()).isEmpty();
        Bundle bundle = Bundle.packaged();
        bundle.assets(AssetKind.DASHBOARD).forEach(d -> assertThat(rendered.html()).contains(d.text("dashboard_title")));
        bundle.assets(AssetKind.CHART).forEach(c -> assertThat(rendered.html()).contains(c.text("slice_name").replace("&", "&amp;")));
        assertThat(rendered.html()).contains("echarts.init(").doesNotContain("<script src=");
        assertThat(rendered.timings()).hasSize(bundle.assets(AssetKind.CHART).size());
    }

    @Test
    @EnabledIf("chromiumInstalled")
    void headlessChromiumDrawsIt() throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile-");
        Files.deleteIfExists(SCREENSHOT);
        long started = System.nanoTime();
        Process chromium = new ProcessBuilder(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--virtual-time-budget=5000", "--screenshot=" + SCREENSHOT,
                "--window-size=1400,2400", REPORT.toUri().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();

        assertThat(chromium.waitFor(2, TimeUnit.MINUTES)).as("chromium finished").isTrue();
        System.out.printf("report drawn by headless Chromium in %d ms: %s%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis(), SCREENSHOT);
        assertThat(SCREENSHOT).exists();
        assertThat(Files.size(SCREENSHOT)).as("a drawn page, not a blank one").isGreaterThan(100_000);
    }

    static boolean chromiumInstalled() {
        return Files.isExecutable(Path.of(CHROMIUM));
    }
}
