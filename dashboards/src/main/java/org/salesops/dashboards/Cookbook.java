package org.salesops.dashboards;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The analyst cookbook (dashboards/cookbook): one folder per question, NN-name/ with README.md (the question),
 * query.sql (the answer, one or more statements each ending in ';') and output.md (what it returned on the
 * generated company). A statement may use {{column}}: the value of that column in the first row of the statement
 * before it — how an analyst carries a snapshot time from "t$snapshots" into FOR TIMESTAMP AS OF, which takes
 * only a constant.
 */
public final class Cookbook {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    private static final int SHOWN_ROWS = 25;

    /** One question. */
    public record Recipe(String name, Path folder, String question, List<String> statements) {
    }

    /** One statement as it ran (placeholders filled in) and what it returned. */
    public record Step(String sql, QueryResult result) {
    }

    private Cookbook() {
    }

    public static List<Recipe> packaged() {
        return load(PackagedFiles.directory("/dashboards/cookbook"));
    }

    /** The seed's self-test answered in SQL (dashboards/self-test): one recipe per item, in the same shape. */
    public static List<Recipe> packagedSelfTest() {
        return load(PackagedFiles.directory("/dashboards/self-test"));
    }

    public static List<Recipe> load(Path cookbook) {
        try (Stream<Path> folders = Files.list(cookbook)) {
            List<Recipe> recipes = new ArrayList<>();
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                String readme = Files.readString(folder.resolve("README.md"), StandardCharsets.UTF_8);
                String sql = Files.readString(folder.resolve("query.sql"), StandardCharsets.UTF_8);
                recipes.add(new Recipe(folder.getFileName().toString().replace("/", ""), folder,
                        readme.lines().findFirst().orElse("").replaceFirst("^#+\\s*", ""), statements(sql)));
            }
            return recipes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cookbook in " + cookbook, e);
        }
    }

    /** The statements of a query.sql: split after each ';' that ends a line, comment lines kept. */
    static List<String> statements(String sql) {
        return Stream.of(sql.split(";\\s*(\\R|$)")).map(String::strip)
                .filter(s -> s.lines().anyMatch(l -> !l.isBlank() && !l.strip().startsWith("--"))).toList();
    }

    public static List<Step> run(Recipe recipe, Connection trino) throws SQLException {
        List<Step> steps = new ArrayList<>();
        for (String statement : recipe.statements()) {
            String sql = steps.isEmpty() ? statement : fill(statement, steps.get(steps.size() - 1).result());
            steps.add(new Step(sql, QueryResult.run(trino, sql)));
        }
        return steps;
    }

    static String fill(String statement, QueryResult previous) {
        Matcher m = PLACEHOLDER.matcher(statement);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            if (previous.rows().isEmpty()) {
                throw new IllegalStateException("{{" + m.group(1) + "}}: the statement before returned no rows");
            }
            m.appendReplacement(filled, Matcher.quoteReplacement(String.valueOf(previous.rows().get(0).get(previous.column(m.group(1))))));
        }
        return m.appendTail(filled).toString();
    }

    /** output.md: each statement's result as a Markdown table (the first rows), with its row count and time. */
    public static String markdown(Recipe recipe, List<Step> steps, String company) {
        StringBuilder md = new StringBuilder("# ").append(recipe.question()).append(" — output 输出\n\n")
                .append("On 在 ").append(company).append(".\n");
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            QueryResult result = step.result();
            md.append("\n## Statement 语句 ").append(i + 1).append("\n\n");
            if (PLACEHOLDER.matcher(recipe.statements().get(i)).find()) {
                md.append("As run 实际执行:\n\n```sql\n").append(step.sql()).append("\n```\n\n");
            }
            md.append("| ").append(String.join(" | ", result.columns())).append(" |\n|")
                    .append(" --- |".repeat(result.columns().size())).append('\n');
            result.rows().stream().limit(SHOWN_ROWS).forEach(row -> md.append("| ")
                    .append(String.join(" | ", row.stream().map(v -> cell(v).replace("|", "\\|")).toList()))
                    .append(" |\n"));
            md.append("\n").append(result.rows().size()).append(" rows 行").append(result.rows().size() > SHOWN_ROWS
                    ? " (first " + SHOWN_ROWS + " shown 仅显示前 " + SHOWN_ROWS + " 行)" : "")
                    .append(", answered in 耗时 ").append(result.elapsed().toMillis()).append(" ms.\n");
        }
        return md.toString();
    }

    /** A value as an analyst copies it back into SQL: ids without grouping, decimals without trailing zeros. */
    static String cell(Object value) {
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return value == null ? "NULL" : String.valueOf(value);
    }

    /** Runs every recipe and writes its output.md beside it; returns the time each recipe's statements took. */
    public static Map<String, Long> regenerate(Path cookbook, Connection trino, String company) throws SQLException {
        Map<String, Long> millis = new LinkedHashMap<>();
        for (Recipe recipe : load(cookbook)) {
            List<Step> steps = run(recipe, trino);
            millis.put(recipe.name(), steps.stream().mapToLong(s -> s.result().elapsed().toMillis()).sum());
            try {
                Files.writeString(recipe.folder().resolve("output.md"), markdown(recipe, steps, company), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return millis;
    }
}
