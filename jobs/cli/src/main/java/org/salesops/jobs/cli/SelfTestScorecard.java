package org.salesops.jobs.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.salesops.dashboards.Cookbook;

/** Runs the self-test's SQL on Trino and scores each item; renders the scorecard the way the seed's table reads. */
final class SelfTestScorecard {

    /** The seed: 总分低于15分?建议立即启动‘销售管理诊断’. */
    static final int DIAGNOSIS_BELOW = 15;

    record Line(SelfTestItem item, SelfTestItem.Score score) {
    }

    private SelfTestScorecard() {
    }

    static List<Line> score(Connection trino) throws SQLException {
        List<Line> lines = new ArrayList<>();
        for (Cookbook.Recipe recipe : Cookbook.packagedSelfTest()) {
            SelfTestItem item = SelfTestItem.of(recipe);
            lines.add(new Line(item, item.score(Cookbook.run(recipe, trino))));
        }
        return lines;
    }

    static String render(List<Line> lines, String company) {
        StringBuilder out = new StringBuilder("\n销售管理健康度自测表(2026版) Sales-management health self-test — ")
                .append(company).append("\n评分 1 = 完全不符合 not at all … 5 = 完全符合 fully; 依据 evidence from dashboards/self-test\n\n");
        int total = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            total += line.score().points();
            out.append(String.format("  %d  %s%n     %s%n     评分 Score: %d / 5%n     依据 Evidence: %s%n%n", i + 1,
                    line.item().questionZh, line.item().questionEn, line.score().points(), line.score().evidence()));
        }
        int max = 5 * lines.size();
        out.append(String.format("  总分 Total: %d / %d%n", total, max));
        if (total < DIAGNOSIS_BELOW) {
            out.append("  总分低于15分:建议立即启动销售管理诊断 Below 15: start a sales-management diagnosis now.\n");
        }
        return out.toString();
    }
}
