package org.salesops.dashboards;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The importable ZIP: every file of the bundle under ONE top-level folder, which Superset's importer strips
 * (remove_root), so files at the top level or under two folders would land at the wrong paths. Refuses a bundle
 * that breaks the importer's rules, so a ZIP that exists is one that imports.
 */
public final class BundleZip {

    public static final String ROOT = "salesops_dashboards";

    /** Fixed entry times: the same bundle gives the same bytes. */
    private static final long ENTRY_TIME = 0L;

    private BundleZip() {
    }

    public static byte[] of(Bundle bundle) {
        List<String> problems = BundleRules.check(bundle);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the bundle breaks Superset's import rules:\n  " + String.join("\n  ", problems));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : bundle.files().entrySet()) {
                ZipEntry entry = new ZipEntry(ROOT + "/" + file.getKey());
                entry.setTime(ENTRY_TIME);
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
