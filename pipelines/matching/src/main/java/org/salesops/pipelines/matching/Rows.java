package org.salesops.pipelines.matching;

import java.time.Instant;

/** Values as the table rows hold them. */
final class Rows {

    private Rows() {
    }

    static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
