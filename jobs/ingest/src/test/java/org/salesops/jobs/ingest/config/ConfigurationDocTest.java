package org.salesops.jobs.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** docs/CONFIGURATION.md is the one place the keys are described: it must list each, as the code has it. */
class ConfigurationDocTest {

    @Test
    void theDocumentHasARowForEveryKeyWithItsVariableAndDefault() throws IOException {
        String doc = Files.readString(Path.of("../../docs/CONFIGURATION.md"));
        for (IngestKey key : IngestKey.values()) {
            String row = "| `" + key.key() + "` | `" + key.envVar() + "` | "
                    + key.defaultValue().map(v -> v.isEmpty() ? "(empty)" : "`" + v + "`").orElse("(required)") + " |";
            assertThat(doc).as("row of " + key.key()).contains(row);
        }
        assertThat(doc).contains("`" + IngestConfigLoader.CONFIG_ENV + "`");
        // The pass-through catalog properties have a table of their own.
        assertThat(doc).contains("`" + IngestConfigLoader.CATALOG_PROPERTY_PREFIX + "<name>`");
        long rows = doc.lines().filter(l -> l.startsWith("| `"))
                .filter(l -> !l.startsWith("| `" + IngestConfigLoader.CATALOG_PROPERTY_PREFIX)).count();
        assertThat(rows).as("no row for a key that does not exist").isEqualTo(Arrays.stream(IngestKey.values()).count() + 1);
    }
}
