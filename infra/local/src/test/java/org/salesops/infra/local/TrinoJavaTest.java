package org.salesops.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrinoJavaTest {

    @Test
    void theJavaRunningTheseTests_isTooOldForTrino_andTheMessageSaysWhatToDo() {
        Path java17 = JavaCommand.currentJavaHome();
        assumeThat(Runtime.version().feature()).isLessThan(TrinoJava.MINIMUM_FEATURE_VERSION);

        assertThatThrownBy(() -> TrinoJava.requireSuitable(java17))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is version " + Runtime.version().feature())
                .hasMessageContaining("TRINO_JAVA_HOME")
                .hasMessageContaining("Java 24 or newer");
    }

    @Test
    void aMissingJavaIsNamed(@TempDir Path empty) {
        assertThatThrownBy(() -> TrinoJava.requireSuitable(empty))
                .hasMessageStartingWith("No Java found at " + empty)
                .hasMessageContaining("TRINO_JAVA_HOME");
    }

    @Test
    void temurin25Qualifies() {
        assertThat(TrinoJava.requireSuitable(TrinoJava.DEFAULT_HOME)).isEqualTo(TrinoJava.DEFAULT_HOME);
    }
}
