package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesops.dashboards.Cookbook;

/** The seed's self-test answered in SQL (dashboards/self-test) on the real Trino, and its scorecard. */
class SelfTestOnTrinoTest {

    static Connection trino;

    @BeforeAll
    static void theCompanyOnTheStack() throws Exception {
        trino = CompanyOnTheStack.get().trino;
    }

    @Test
    void everyItemHasItsFolderAndEveryStatementAnswersWithRows() throws Exception {
        List<Cookbook.Recipe> items = Cookbook.packagedSelfTest();
        assertThat(items).extracting(SelfTestItem::of).containsExactly(SelfTestItem.values());
        for (Cookbook.Recipe item : items) {
            List<Cookbook.Step> steps = Cookbook.run(item, trino);
            assertThat(steps).allSatisfy(s -> assertThat(s.result().rows()).as("%s: %s", item.name(), s.sql()).isNotEmpty());
            steps.forEach(s -> System.out.printf("self-test %s: %d rows in %d ms%n", item.name(), s.result().rows().size(),
                    s.result().elapsed().toMillis()));
        }
    }

    /** The trace names the rep; how fast it answers is printed by `lakehouse self-test`, not asserted here. */
    @Test
    void aPaymentIsTracedToItsRep() throws Exception {
        Cookbook.Recipe trace = Cookbook.packagedSelfTest().stream()
                .filter(r -> SelfTestItem.of(r) == SelfTestItem.PAYMENT_TRACE).findFirst().orElseThrow();
        List<Cookbook.Step> steps = Cookbook.run(trace, trino);

        List<Object> traced = steps.get(1).result().rows().get(0);
        assertThat(traced.get(steps.get(1).result().column("rep_name"))).as("the rep").isNotNull();
    }

    /** What regenerating the outputs does, on a copy: each output.md is rewritten with the same columns. */
    @Test
    void theOutputsRegenerateWithTheColumnsOfTheCommittedOnes(@TempDir Path copy) throws Exception {
        for (Cookbook.Recipe item : Cookbook.packagedSelfTest()) {
            Path folder = Files.createDirectories(copy.resolve(item.name()));
            for (String file : List.of("README.md", "query.sql", "output.md")) {
                Files.copy(item.folder().resolve(file), folder.resolve(file));
            }
        }
        Cookbook.regenerate(copy, trino, "the small generated company");

        for (Cookbook.Recipe item : Cookbook.packagedSelfTest()) {
            assertThat(CookbookTest.headers(copy.resolve(item.name()).resolve("output.md"))).as(item.name())
                    .isEqualTo(CookbookTest.headers(item.folder().resolve("output.md")));
        }
    }

    @Test
    void theScorecardScoresEachItemOneToFiveWithItsEvidence() throws Exception {
        List<SelfTestScorecard.Line> lines = SelfTestScorecard.score(trino);
        String card = SelfTestScorecard.render(lines, "the small generated company");
        System.out.println(card);

        assertThat(lines).hasSize(5).allSatisfy(l -> {
            assertThat(l.score().points()).isBetween(1, 5);
            assertThat(l.score().evidence()).isNotBlank();
        });
        assertThat(card).contains("销售管理健康度自测表", "总分 Total", "评分 Score", "依据 Evidence");
    }
}
