package org.salesops.pipelines.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.matching.Company.SHUNDA;
import static org.salesops.pipelines.matching.Company.contract;
import static org.salesops.pipelines.matching.Company.credit;
import static org.salesops.pipelines.matching.Company.invoice;
import static org.salesops.pipelines.matching.Company.shunda;

import java.util.Map;
import org.apache.iceberg.types.Types.NestedField;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.tables.RowConverter;
import org.salesops.pipelines.tables.TableDefinition;
import org.salesops.pipelines.tables.TableDefinitions;

/** Each output's toRow() is exactly a row of its table in schemas/tables/gold. */
class GoldTablesTest {

    static void assertMatches(String table, Map<String, Object> row) {
        TableDefinition definition = TableDefinitions.load("gold/" + table);
        assertThat(definition.description()).startsWith("One row per");
        assertThat(definition.identifierColumns()).isNotEmpty();
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
        Engine engine = new Engine().send(shunda(0), contract(840001L, SHUNDA, "HT-2026-00123", "100000.00", "0.0500", 0),
                invoice(850001L, 840001L, SHUNDA, "INV-2026-004512", "30000.00", 1));
        PaymentMatch matched = engine.pay(credit("B1", "29990.00", 10).memo("INV-2026-004512"));
        PaymentMatch unmatched = engine.pay(credit("B2", "1.23456", 11));
        PaymentMatch debit = engine.pay(credit("B3", "-100.00", 12));

        assertMatches("payment_matches", matched.toRow());
        assertMatches("payment_matches", unmatched.toRow());
        assertMatches("payment_matches", debit.toRow());
        assertMatches("payment_allocations", matched.allocationRows().get(0).toRow());
        assertMatches("invoice_balances", engine.out.balance(850001L).toRow());
        assertMatches("commission_ledger", engine.out.commission.get(0).toRow());
    }
}
