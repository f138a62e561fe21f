package org.salesops.jobs.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;

/**
 * What a team writes first: three of the pipeline's metrics as plain Flink SQL over the CRM's Debezium
 * topics (the Kafka SQL connector and the debezium-json format; no typed raw tables, no dead letters, no
 * calls, no business hours, no timers). Lead response time is assignment to the first logged activity;
 * commitment closure is fulfilled-by-due over all commitments; the stage-dwell "alert" can only be a
 * query over the current state: open opportunities not updated for 48 hours before the latest change
 * seen, since plain SQL has nothing that fires when a deadline passes.
 */
final class SqlBaseline {

    /** The three results, and how long the three queries took together on a bounded replay of the topics. */
    record Result(Duration elapsed, long respondedLeads, double medianResponseMinutes, long commitmentsKept,
                  long commitments, long silentOpportunities) {
    }

    private static final List<String> TABLES = List.of(
            "leads (id BIGINT, owner_id BIGINT, assigned_at TIMESTAMP_LTZ(3))",
            "activities (id BIGINT, lead_id BIGINT, owner_id BIGINT, occurred_at TIMESTAMP_LTZ(3))",
            "commitments (id BIGINT, owner_id BIGINT, due_at TIMESTAMP_LTZ(3), status STRING, fulfilled_at TIMESTAMP_LTZ(3))",
            "opportunities (id BIGINT, owner_id BIGINT, stage STRING, updated_at TIMESTAMP_LTZ(3))");

    static final String RESPONSE = """
            SELECT l.id, l.owner_id,
                   TIMESTAMPDIFF(MINUTE, l.assigned_at, MIN(a.occurred_at)) AS response_minutes
            FROM leads l JOIN activities a ON a.lead_id = l.id AND a.occurred_at >= l.assigned_at
            WHERE l.assigned_at IS NOT NULL
            GROUP BY l.id, l.owner_id, l.assigned_at""";

    static final String CLOSURE = """
            SELECT owner_id, COUNT(*) AS commitments,
                   SUM(CASE WHEN status = 'fulfilled' AND fulfilled_at <= due_at THEN 1 ELSE 0 END) AS kept
            FROM commitments GROUP BY owner_id""";

    static final String DWELL = """
            SELECT o.id, o.owner_id, o.stage
            FROM opportunities o CROSS JOIN (SELECT MAX(updated_at) AS latest FROM opportunities) m
            WHERE o.stage NOT IN ('won', 'lost') AND o.updated_at < m.latest - INTERVAL '48' HOUR""";

    private SqlBaseline() {
    }

    static Result run(String kafka, int parallelism) throws Exception {
        StreamTableEnvironment sql = environment(kafka, parallelism);
        for (String[] sink : new String[][] {{"response_sink", "id BIGINT, owner_id BIGINT, response_minutes INT"},
                {"closure_sink", "owner_id BIGINT, commitments BIGINT, kept INT"},
                {"dwell_sink", "id BIGINT, owner_id BIGINT, stage STRING"}}) {
            sql.executeSql("CREATE TABLE " + sink[0] + " (" + sink[1] + ") WITH ('connector' = 'blackhole')");
        }
        StatementSet all = sql.createStatementSet();
        all.addInsertSql("INSERT INTO response_sink " + RESPONSE);
        all.addInsertSql("INSERT INTO closure_sink " + CLOSURE);
        all.addInsertSql("INSERT INTO dwell_sink " + DWELL);
        long started = System.nanoTime();
        all.execute().await();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        // The figures, from each query's changelog applied to the end (not timed).
        List<Row> responses = finalRows(sql.executeSql(RESPONSE));
        List<Row> closure = finalRows(sql.executeSql(CLOSURE));
        List<Row> silent = finalRows(sql.executeSql(DWELL));
        List<Long> minutes = responses.stream().map(r -> ((Number) r.getField(2)).longValue()).toList();
        return new Result(elapsed, responses.size(), minutes.isEmpty() ? Double.NaN : Percentiles.median(minutes.stream()
                .map(Long::doubleValue).toList()),
                closure.stream().mapToLong(r -> ((Number) r.getField(2)).longValue()).sum(),
                closure.stream().mapToLong(r -> ((Number) r.getField(1)).longValue()).sum(), silent.size());
    }

    private static StreamTableEnvironment environment(String kafka, int parallelism) {
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_PORT, "0");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        StreamTableEnvironment sql = StreamTableEnvironment.create(env);
        for (String table : TABLES) {
            String name = table.substring(0, table.indexOf(' '));
            sql.executeSql("CREATE TABLE " + table + " WITH ("
                    + "'connector' = 'kafka', 'topic' = 'crm.public." + name + "', "
                    + "'properties.bootstrap.servers' = '" + kafka + "', "
                    + "'properties.group.id' = 'sql-baseline', "
                    + "'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset', "
                    + "'format' = 'debezium-json', 'debezium-json.schema-include' = 'true', "
                    + "'debezium-json.ignore-parse-errors' = 'true', "
                    + "'debezium-json.timestamp-format.standard' = 'ISO-8601')");
        }
        return sql;
    }

    /** Applies a changelog (+I, -U, +U, -D) to the end: the rows that stand. */
    private static List<Row> finalRows(TableResult result) throws Exception {
        Map<Row, Integer> standing = new HashMap<>();
        try (CloseableIterator<Row> changes = result.collect()) {
            while (changes.hasNext()) {
                Row change = changes.next();
                RowKind kind = change.getKind();
                change.setKind(RowKind.INSERT);
                int delta = kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER ? 1 : -1;
                standing.merge(change, delta, Integer::sum);
            }
        }
        List<Row> rows = new ArrayList<>();
        standing.forEach((row, count) -> {
            for (int i = 0; i < count; i++) {
                rows.add(row);
            }
        });
        return rows;
    }
}
