package org.salesops.jobs.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a sales director reads after the run, queried from Trino through trino-jdbc: leads per
 * channel, response time per team, and what could not be loaded. Each figure is one SQL query
 * that can be run by hand in Trino to check it.
 */
public final class DirectorSummary {

    /** Leads received per channel, counting leads since deleted in the CRM (their last state before deletion). */
    static final String LEADS_PER_CHANNEL = """
            SELECT channel, count(*) AS leads
            FROM (
              SELECT channel, row_number() OVER (PARTITION BY id ORDER BY _committed_at DESC, _lsn DESC) AS change_rank
              FROM raw.crm_leads
              WHERE _op <> 'tombstone'
            )
            WHERE change_rank = 1
            GROUP BY channel
            ORDER BY leads DESC, channel""";

    static final String RESPONSE_PER_TEAM = """
            SELECT t.region, t.name AS team, count(*) AS assignments,
                   count(r.first_contact_at) AS contacted,
                   approx_percentile(r.response_minutes, 0.5) AS median_minutes,
                   round(100.0 * count_if(r.sla_met) / count(*), 1) AS sla_met_pct
            FROM gold.lead_response r
            JOIN crm.users u ON u.id = r.owner_id
            JOIN crm.teams t ON t.id = u.team_id
            GROUP BY t.region, t.name
            ORDER BY t.region, t.name""";

    static final String ALERTS = """
            SELECT rule, count_if(status = 'open') AS open, count_if(status = 'escalated') AS escalated,
                   count_if(status = 'resolved') AS resolved
            FROM gold.alerts
            GROUP BY rule
            ORDER BY rule""";

    static final String DEAD_LETTERS = """
            SELECT source_topic, error_kind, count(*) AS records
            FROM raw.dead_letters
            GROUP BY source_topic, error_kind
            ORDER BY source_topic, error_kind""";

    static final String LOADED = """
            SELECT 'crm changes' AS what, sum(n) AS n FROM (
              %s
            )
            UNION ALL SELECT 'calls', count(*) FROM raw.calls
            UNION ALL SELECT 'bank transactions', count(*) FROM raw.bank_transactions
            UNION ALL SELECT 'dead letters', count(*) FROM raw.dead_letters""";

    private DirectorSummary() {
    }

    public static String render(Connection trino, List<String> crmTables) throws SQLException {
        StringBuilder out = new StringBuilder();

        out.append("\n各渠道线索 Leads per channel\n");
        out.append(table(trino, LEADS_PER_CHANNEL, List.of("渠道 channel", "线索 leads")));

        out.append("\n各团队线索响应 Lead response per team (SLA 24 h)\n");
        out.append(table(trino, RESPONSE_PER_TEAM, List.of("区域 region", "团队 team", "分配 assigned",
                "已联系 contacted", "响应中位数(分) median min", "SLA达成% met")));

        out.append("\n预警 Alerts (gold.alerts; also on the Kafka topic alerts). A bounded replay ends by moving time past\n"
                + "every deadline, so alerts that fall due after the last event are counted too.\n");
        out.append(table(trino, ALERTS, List.of("规则 rule", "未处理 open", "已升级 escalated", "已解决 resolved")));

        out.append("\n未能入库的记录 Dead letters (reason and payload in raw.dead_letters)\n");
        TextTable dead = query(trino, DEAD_LETTERS, List.of("主题 topic", "类型 kind", "条数 records"));
        out.append(dead.size() == 0 ? "  (none 无)\n" : dead.render());

        out.append("\n已入库 Loaded\n");
        out.append(table(trino, loadedQuery(crmTables), List.of("内容 what", "行数 rows")));
        return out.toString();
    }

    static String loadedQuery(List<String> crmTables) {
        List<String> counts = new ArrayList<>();
        for (String t : crmTables) {
            counts.add("SELECT count(*) AS n FROM raw.crm_" + t);
        }
        return LOADED.formatted(String.join("\n  UNION ALL ", counts));
    }

    private static String table(Connection trino, String sql, List<String> header) throws SQLException {
        return query(trino, sql, header).render();
    }

    private static TextTable query(Connection trino, String sql, List<String> header) throws SQLException {
        TextTable table = new TextTable(header);
        try (Statement s = trino.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    String v = rs.getString(i);
                    row.add(v == null ? "-" : v);
                }
                table.add(row);
            }
        }
        return table;
    }
}
