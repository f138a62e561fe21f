package org.salesops.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the Java that runs Trino: Trino 476's classes are Java 24 bytecode. */
final class TrinoJava {

    static final String ENVIRONMENT_VARIABLE = "TRINO_JAVA_HOME";
    static final Path DEFAULT_HOME = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    static final int MINIMUM_FEATURE_VERSION = 24;

    private static final Pattern RELEASE_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private TrinoJava() {
    }

    /** {@code TRINO_JAVA_HOME} if set, else the Temurin 25 installation path. */
    static Path locate() {
        String fromEnvironment = System.getenv(ENVIRONMENT_VARIABLE);
        Path home = fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_HOME : Path.of(fromEnvironment);
        return requireSuitable(home);
    }

    /** Returns {@code home} if it holds a Java 24 or newer, or fails saying what to install or set. */
    static Path requireSuitable(Path home) {
        String advice = " Trino needs Java " + MINIMUM_FEATURE_VERSION + " or newer (Temurin 25 works):"
                + " install it (e.g. the temurin-25-jdk package) or set " + ENVIRONMENT_VARIABLE
                + " to such a JDK's home directory.";
        if (!Files.isExecutable(home.resolve("bin").resolve("java"))) {
            throw new IllegalStateException("No Java found at " + home + "." + advice);
        }
        int feature = featureVersion(home).orElseThrow(() -> new IllegalStateException(
                "Cannot tell the Java version of " + home + " (no JAVA_VERSION in its release file)." + advice));
        if (feature < MINIMUM_FEATURE_VERSION) {
            throw new IllegalStateException("Java at " + home + " is version " + feature + "." + advice);
        }
        return home;
    }

    private static Optional<Integer> featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher matcher = RELEASE_VERSION.matcher(Files.readString(release));
            return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + release, e);
        }
    }
}
