package org.salesops.pipelines.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.process.Crm.activity;
import static org.salesops.pipelines.process.Crm.commitment;
import static org.salesops.pipelines.process.Crm.create;
import static org.salesops.pipelines.process.Crm.quote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.types.Types.NestedField;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.tables.RowConverter;
import org.salesops.pipelines.tables.TableDefinition;
import org.salesops.pipelines.tables.TableDefinitions;

/** Each output's toRow() is exactly a row of its table in schemas/tables/gold, and the view reads real columns. */
class GoldTablesTest {

    static final ProcessSettings SETTINGS = ProcessSettings.defaults();

    static void assertMatches(String table, Map<String, Object> row) {
        TableDefinition definition = TableDefinitions.load("gold/" + table);
        assertThat(definition.description()).startsWith("One row per");
        assertThat(row.keySet()).containsExactlyInAnyOrderElementsOf(
                definition.schema().columns().stream().map(NestedField::name).toList());
        for (NestedField f : definition.schema().columns()) {
            if (f.isRequired()) {
                assertThat(row.get(f.name())).as(table + "." + f.name()).isNotNull();
            }
        }
        assertThat(new RowConverter(definition).convert(row).getArity()).isEqualTo(row.size());
    }

    @Test
    void everyOutputMatchesItsTable() {
        FollowUpDiscovery f = FollowUpDiscovery.of(create("activities",
                activity(1, 7, 300L, 0, 3, "budget_confirmed", "客户说:预算80万", "我会发方案"), 0.5), SETTINGS.zone());
        assertMatches("follow_up_discovery", f.toRow());
        DiscoveryDaily d = new DiscoveryDaily(7, LocalDate.of(2026, 3, 2));
        d.add(f);
        assertMatches("discovery_daily", d.toRow());
        CommitmentChange c = CommitmentChange.of(create("commitments", commitment(1, 300, 0, 48, "open", null), 0));
        assertMatches("commitments", CommitmentLife.of(c, null, 0).toRow());
        PromiseSignal p = PromiseSignal.of(create("activities",
                activity(1, 7, 300L, 0, 3, null, null, "我会发方案"), 0.5), CommitmentLanguage.load()).get(0);
        assertMatches("unregistered_commitments", UnregisteredCommitment.of(p, Crm.at(24)).toRow());
        QuoteFeedback q = new QuoteFeedback();
        q.quoteId = 1;
        q.opportunityId = 900;
        q.ownerId = 7;
        q.sentAt = Crm.at(0);
        assertMatches("quote_feedback", q.toRow());
        assertThat(QuoteChange.of(create("quotes", quote(1, 900, 0.0, null, null), 0))).isNotNull();
    }

    @Test
    void theWeeklyClosureViewReadsOnlyColumnsOfGoldCommitments() throws IOException {
        String sql;
        try (InputStream in = GoldTablesTest.class.getResourceAsStream("/schemas/views/gold_commitment_closure_weekly.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(sql).contains("CREATE OR REPLACE VIEW gold.commitment_closure_weekly AS")
                .contains("FROM gold.commitments c").contains("crm.users u");
        TableDefinition commitments = TableDefinitions.load("gold/commitments");
        Matcher column = Pattern.compile("\\bc\\.([a-z_]+)").matcher(sql);
        int seen = 0;
        while (column.find()) {
            assertThat(commitments.schema().findField(column.group(1))).as(column.group(1)).isNotNull();
            seen++;
        }
        assertThat(seen).isGreaterThan(5);
    }
}
