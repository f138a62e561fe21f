package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesops.dashboards.Cookbook;
import org.salesops.dashboards.QueryResult;

/** The analyst cookbook on the real Trino: every query answers with rows, the lineage leads where it should, outputs regenerate. */
class CookbookTest {

    static Connection trino;

    @BeforeAll
    static void theCompanyOnTheStack() throws Exception {
        trino = CompanyOnTheStack.get().trino;
    }

    @Test
    void everyStatementOfEveryRecipeAnswersWithRows() throws Exception {
        for (Cookbook.Recipe recipe : Cookbook.packaged()) {
            List<Cookbook.Step> steps = Cookbook.run(recipe, trino);

            assertThat(steps).as(recipe.name()).hasSameSizeAs(recipe.statements());
            assertThat(steps).allSatisfy(s -> assertThat(s.result().rows()).as("%s: %s", recipe.name(), s.sql()).isNotEmpty());
        }
    }

    /**
     * The lineage leads from the payment to exactly the invoices payment matching applied it to
     * (gold.payment_allocations), each invoice's contract, and the rep who owns that contract, as the CRM's
     * current tables say; gold.payment_trace traces it the same way. (How fast it answers is measured by `lakehouse dashboards cookbook`, which prints each
     * recipe's time, not asserted here.)
     */
    @Test
    void theLineageOfAPaymentLeadsToTheInvoicesMatchingAppliedItToTheirContractsAndReps() throws Exception {
        Cookbook.Recipe lineage = Cookbook.packaged().stream().filter(r -> r.name().contains("lineage")).findFirst().orElseThrow();
        List<Cookbook.Step> steps = Cookbook.run(lineage, trino);
        QueryResult payment = steps.get(0).result();
        QueryResult chain = steps.get(1).result();
        List<Object> credit = payment.rows().get(0);

        QueryResult expected = QueryResult.run(trino, """
                SELECT a.invoice_no, c.contract_no, u.name FROM gold.payment_allocations a
                JOIN crm.contracts c ON c.id = a.contract_id
                JOIN crm.users u ON u.id = c.owner_id
                WHERE a.account_id = '%s' AND a.transaction_key = '%s' AND a.amount > 0""".formatted(
                credit.get(payment.column("account_id")), credit.get(payment.column("transaction_key"))));
        Set<List<Object>> traced = new HashSet<>();
        chain.rows().forEach(row -> traced.add(Arrays.asList(row.get(chain.column("invoice_no")),
                row.get(chain.column("contract_no")), row.get(chain.column("rep")))));
        assertThat(credit.get(payment.column("match_status"))).isIn("auto_matched", "confirmed");
        assertThat(expected.rows()).isNotEmpty();
        assertThat(traced).isEqualTo(new HashSet<>(expected.rows()));
        QueryResult view = QueryResult.run(trino, "SELECT invoice_no, contract_no, rep_name FROM gold.payment_trace "
                + "WHERE transaction_key = '" + credit.get(payment.column("transaction_key")) + "'");
        assertThat(new HashSet<>(view.rows())).as("gold.payment_trace, the self-test's trace").isEqualTo(traced);
    }

    /** What `lakehouse dashboards cookbook` does, on a copy: each output.md is rewritten with the same columns. */
    @Test
    void theOutputsRegenerateWithTheColumnsOfTheCommittedOnes(@TempDir Path copy) throws Exception {
        for (Cookbook.Recipe recipe : Cookbook.packaged()) {
            Path folder = Files.createDirectories(copy.resolve(recipe.name()));
            for (String file : List.of("README.md", "query.sql", "output.md")) {
                Files.copy(recipe.folder().resolve(file), folder.resolve(file));
            }
        }
        Map<String, Long> millis = Cookbook.regenerate(copy, trino, "the small generated company");

        assertThat(millis).hasSize(Cookbook.packaged().size());
        for (Cookbook.Recipe recipe : Cookbook.packaged()) {
            assertThat(headers(copy.resolve(recipe.name()).resolve("output.md"))).as(recipe.name())
                    .isEqualTo(headers(recipe.folder().resolve("output.md")));
        }
    }

    /** The header rows of an output.md's tables. */
    static List<String> headers(Path outputMd) throws IOException {
        List<String> lines = Files.readAllLines(outputMd);
        return Stream.iterate(0, i -> i < lines.size() - 1, i -> i + 1)
                .filter(i -> lines.get(i).startsWith("| ") && lines.get(i + 1).startsWith("| ---")).map(lines::get).toList();
    }
}
