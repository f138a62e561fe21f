package org.salesops.infra.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who may see what in the local Trino: its file-based system access control with the rules of
 * {@code schemas/access/rules.json}, and the file group provider, whose groups come from two places:
 * {@code schemas/access/groups.txt} (the service accounts, fixed) and the people of the company
 * ({@link #writePeople}: generated from the CRM once its users are loaded). The people's groups are
 * kept in the data directory, outside {@code etc/}, so a restarted stack still knows them.
 */
final class TrinoAccessControl {

    static final String RULES_RESOURCE = "/schemas/access/rules.json";
    static final String FIXED_GROUPS_RESOURCE = "/schemas/access/groups.txt";

    /** How soon Trino reads a rewritten group file. */
    static final String GROUP_REFRESH = "1s";

    private final Path etcDir;
    private final Path peopleFile;

    TrinoAccessControl(Path etcDir, Path dataDir) {
        this.etcDir = etcDir;
        this.peopleFile = dataDir.resolve("people-groups.txt");
    }

    Path propertiesFile() {
        return etcDir.resolve("access-control.properties");
    }

    Path groupFile() {
        return etcDir.resolve("groups.txt");
    }

    /** Writes the rules, both property files and the group file; Trino reads them at start. */
    void write() throws IOException {
        Files.createDirectories(etcDir);
        Path rules = etcDir.resolve("access-rules.json");
        Files.writeString(rules, resource(RULES_RESOURCE));
        Files.write(propertiesFile(), List.of(
                "access-control.name=file",
                "security.config-file=" + rules));
        // Trino reads the group provider's configuration from etc/ under its working directory only.
        Files.write(etcDir.resolve("group-provider.properties"), List.of(
                "group-provider.name=file",
                "file.group-file=" + groupFile(),
                "file.refresh-period=" + GROUP_REFRESH));
        writeGroupFile();
    }

    /**
     * Replaces the people's groups: members by group name. Trino sees them within {@link #GROUP_REFRESH}.
     */
    void writePeople(Map<String, ? extends Collection<String>> membersByGroup) throws IOException {
        List<String> lines = new ArrayList<>();
        new TreeMap<>(membersByGroup).forEach((group, members) -> {
            requireName(group);
            members.forEach(TrinoAccessControl::requireName);
            if (!members.isEmpty()) {
                lines.add(group + ":" + String.join(",", members));
            }
        });
        Files.createDirectories(peopleFile.getParent());
        Files.write(peopleFile, lines);
        if (Files.isDirectory(etcDir)) {
            writeGroupFile();
        }
    }

    private void writeGroupFile() throws IOException {
        List<String> lines = new ArrayList<>(resource(FIXED_GROUPS_RESOURCE).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList());
        if (Files.exists(peopleFile)) {
            lines.addAll(Files.readAllLines(peopleFile));
        }
        // Trino may read the file at any moment: it must never see half of it.
        Path partial = groupFile().resolveSibling("groups.txt.partial");
        Files.write(partial, lines);
        Files.move(partial, groupFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The group file separates with ':' and ','; a name holding either would change other lines' meaning. */
    private static void requireName(String name) {
        if (name.isBlank() || name.contains(":") || name.contains(",") || name.contains("\n")) {
            throw new IllegalArgumentException("not a user or group name for Trino's group file: '" + name + "'");
        }
    }

    private static String resource(String name) {
        try (InputStream in = TrinoAccessControl.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no " + name + " on the classpath (schemas module)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
