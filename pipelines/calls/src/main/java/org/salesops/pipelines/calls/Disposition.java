package org.salesops.pipelines.calls;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a call ended, in one vocabulary for every source: the words stored in
 * {@link CallRecord#disposition()}. The labels are Asterisk's ({@code ast_cdr_disp2str}); Twilio's
 * statuses and FreeSWITCH's hangup causes are mapped onto them, and {@link #CANCELED} covers a caller
 * hanging up before the other side answered, which Asterisk reports as NO ANSWER.
 */
public enum Disposition {
    ANSWERED("ANSWERED"),
    NO_ANSWER("NO ANSWER"),
    BUSY("BUSY"),
    FAILED("FAILED"),
    CONGESTION("CONGESTION"),
    CANCELED("CANCELED");

    private final String label;

    Disposition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The disposition written as {@code label} (exact, upper case), if it is one of ours. */
    public static Optional<Disposition> ofLabel(String label) {
        return Arrays.stream(values()).filter(d -> d.label.equals(label)).findFirst();
    }
}
