package org.salesops.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files the access control leaves in Trino's etc/ (the rules themselves are proven on Trino in jobs/cli). */
class TrinoAccessFilesTest {

    @TempDir
    Path dataDir;

    @Test
    void writesTheRulesAndBothPropertyFiles_withTheFixedGroups() throws IOException {
        TrinoAccessControl access = accessControl();
        access.write();

        assertThat(Files.readAllLines(access.propertiesFile()))
                .containsExactly("access-control.name=file", "security.config-file=" + etc().resolve("access-rules.json"));
        assertThat(etc().resolve("access-rules.json")).content().contains("\"tables\"", "current_groups()");
        assertThat(Files.readAllLines(etc().resolve("group-provider.properties")))
                .contains("group-provider.name=file", "file.group-file=" + access.groupFile());
        assertThat(Files.readAllLines(access.groupFile())).contains("service:test,lakehouse,director")
                .noneMatch(line -> line.startsWith("#") || line.isBlank());
    }

    @Test
    void thePeoplesGroupsJoinTheFixedOnes_andOutliveARewriteAtTheNextStart() throws IOException {
        TrinoAccessControl access = accessControl();
        access.write();
        access.writePeople(Map.of("rep", List.of("wei.zhang", "li.na"), "sees_user_7", List.of("wei.zhang"),
                "nobody", List.of()));

        List<String> groups = Files.readAllLines(access.groupFile());
        assertThat(groups).contains("service:test,lakehouse,director", "rep:wei.zhang,li.na", "sees_user_7:wei.zhang")
                .noneMatch(line -> line.startsWith("nobody"));

        accessControl().write();
        assertThat(Files.readAllLines(access.groupFile())).containsAll(groups);
    }

    @Test
    void aNameThatWouldBreakTheGroupFileIsRefused() {
        TrinoAccessControl access = accessControl();
        assertThatThrownBy(() -> access.writePeople(Map.of("rep", List.of("a,b"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> access.writePeople(Map.of("rep:x", List.of("a"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private TrinoAccessControl accessControl() {
        return new TrinoAccessControl(etc(), dataDir);
    }

    private Path etc() {
        return dataDir.resolve("etc");
    }
}
