package org.salesops.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CookbookTest {

    @Test
    void everyRecipeHasAQuestionAndAtLeastOneStatement() {
        assertThat(Cookbook.packaged()).extracting(Cookbook.Recipe::name).containsExactly("01-funnel-as-of-a-date",
                "02-time-travel-snapshots", "03-loss-at-follow-up-n", "04-payment-lineage", "05-channel-roi");
        assertThat(Cookbook.packaged()).allSatisfy(r -> {
            assertThat(r.question()).containsPattern("\\p{IsHan}").contains("?");
            assertThat(r.statements()).isNotEmpty().allSatisfy(s -> assertThat(s).doesNotEndWith(";"));
        });
    }

    @Test
    void statementsSplitAtLineEndingSemicolonsAndPlaceholdersTakeThePreviousFirstRow() {
        List<String> statements = Cookbook.statements("-- 1\nSELECT 'a;b' AS x;\n\n-- 2\nSELECT {{x}};\n");
        QueryResult previous = new QueryResult(List.of("x"), List.of(Arrays.asList("2026-03-01 00:00:00 UTC")), Duration.ZERO);

        assertThat(statements).containsExactly("-- 1\nSELECT 'a;b' AS x", "-- 2\nSELECT {{x}}");
        assertThat(Cookbook.fill("SELECT TIMESTAMP '{{x}}'", previous)).isEqualTo("SELECT TIMESTAMP '2026-03-01 00:00:00 UTC'");
    }

    @Test
    void theOutputIsAMarkdownTableWithItsRowCountAndTime() {
        Cookbook.Recipe recipe = new Cookbook.Recipe("99-x", null, "问题 Question?", List.of("SELECT 1"));
        QueryResult result = new QueryResult(List.of("channel", "leads"), List.of(Arrays.asList("douyin", 212L)), Duration.ofMillis(42));

        assertThat(Cookbook.markdown(recipe, List.of(new Cookbook.Step("SELECT 1", result)), "the company"))
                .contains("| channel | leads |\n| --- | --- |\n| douyin | 212 |\n", "1 rows 行, answered in 耗时 42 ms.");
    }
}
