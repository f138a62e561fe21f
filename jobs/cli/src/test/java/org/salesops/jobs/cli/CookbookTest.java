package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
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
     * The lineage leads from the payment to the invoice it quotes, that invoice's contract, and the
     * rep who owns the deal, as the CRM's current tables say. (How fast it answers is measured by
     * `lakehouse dashboards cookbook`, which prints each recipe's time, not asserted here.)
     */
    @Test
    void theLineageOfAPaymentLeadsToItsInvoiceContractAndRep() throws Exception {
        Cookbook.Recipe lineage = Cookbook.packaged().stream().filter(r -> r.name().contains("lineage")).findFirst().orElseThrow();
        List<Cookbook.Step> steps = Cookbook.run(lineage, trino);
        QueryResult payment = steps.get(0).result();
        QueryResult chain = steps.get(1).result();
        String invoiceNo = String.valueOf(payment.rows().get(0).get(payment.column("invoice_no")));

        QueryResult expected = QueryResult.run(trino, """
                SELECT c.contract_no, u.name FROM crm.invoices i
                JOIN crm.contracts c ON c.id = i.contract_id
                JOIN crm.opportunities o ON o.id = c.opportunity_id
                JOIN crm.users u ON u.id = o.owner_id
                WHERE i.invoice_no = '%s'""".formatted(invoiceNo));
        assertThat(chain.rows()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get(chain.column("invoice_no"))).isEqualTo(invoiceNo);
            assertThat(row.get(chain.column("contract_no"))).isEqualTo(expected.rows().get(0).get(0));
            assertThat(row.get(chain.column("rep"))).isEqualTo(expected.rows().get(0).get(1));
        });
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
