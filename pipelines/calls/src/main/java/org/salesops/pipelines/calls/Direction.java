package org.salesops.pipelines.calls;

import java.util.Arrays;
import java.util.Optional;

/** Which way a call went, seen from the company: the words stored in {@link CallRecord#direction()}. */
public enum Direction {
    /** A rep called out, to a customer. */
    OUTBOUND("outbound"),
    /** Someone outside called in, to a rep. */
    INBOUND("inbound"),
    /** Two extensions of the company's PBX talked to each other. */
    INTERNAL("internal");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The direction written as {@code label}, if it is one of ours. */
    public static Optional<Direction> ofLabel(String label) {
        return Arrays.stream(values()).filter(d -> d.label.equals(label)).findFirst();
    }
}
