package org.salesops.jobs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/**
 * A view of schemas/views whose clock is {@code current_timestamp}, as a query for a chosen instant: its body with
 * the clock replaced by a fixed timestamp, so the test asks "what did the list say then".
 */
final class ViewAsOf {

    private static final String CLOCK = "SELECT current_timestamp AS as_of";
    private static final DateTimeFormatter TRINO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private ViewAsOf() {
    }

    static String query(String viewFile, Instant at) {
        String sql;
        try (InputStream in = ViewAsOf.class.getResourceAsStream("/schemas/views/" + viewFile)) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String body = sql.lines().filter(l -> !l.startsWith("--")).collect(Collectors.joining("\n"));
        body = body.substring(body.indexOf(" AS\n") + 4);
        if (!body.contains(CLOCK)) {
            throw new IllegalStateException(viewFile + " has no clock " + CLOCK);
        }
        String instant = TRINO.format(at.atZone(ZoneId.of("UTC")));
        return body.replace(CLOCK, "SELECT TIMESTAMP '" + instant + " UTC' AS as_of");
    }
}
