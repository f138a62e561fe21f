package org.salesops.pipelines.common;

/**
 * A record that cannot become a typed row. The message is the reason a person reads in the
 * dead-letter table, so it says what was wrong and where ("camt.054: Ntry[3] has no Amt").
 */
public class RejectedInput extends Exception {
    public RejectedInput(String reason) {
        super(reason);
    }

    public RejectedInput(String reason, Throwable cause) {
        super(reason, cause);
    }
}
