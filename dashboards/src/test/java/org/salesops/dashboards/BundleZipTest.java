package org.salesops.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class BundleZipTest {

    @Test
    void everyFileSitsUnderOneTopLevelFolderWithItsBytesUnchanged() throws IOException {
        Bundle bundle = Bundle.packaged();
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(BundleZip.of(bundle)))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }

        assertThat(entries.keySet()).allMatch(name -> name.startsWith(BundleZip.ROOT + "/"))
                .contains(BundleZip.ROOT + "/metadata.yaml", BundleZip.ROOT + "/databases/salesops_trino.yaml");
        assertThat(entries).hasSameSizeAs(bundle.files());
        bundle.files().forEach((path, bytes) -> assertThat(entries.get(BundleZip.ROOT + "/" + path)).isEqualTo(bytes));
        assertThat(BundleZip.of(bundle)).as("the same bundle gives the same bytes").isEqualTo(BundleZip.of(bundle));
    }

    @Test
    void aBundleThatBreaksTheRulesIsNotZipped() {
        Bundle broken = BundleRulesTest.edit("charts/executive_funnel.yaml", "metric: reached", "metric: reached_twice");

        assertThatThrownBy(() -> BundleZip.of(broken)).hasMessageContaining("metric reached_twice is not declared");
    }
}
