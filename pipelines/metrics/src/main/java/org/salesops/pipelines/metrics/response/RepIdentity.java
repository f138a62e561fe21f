package org.salesops.pipelines.metrics.response;

/** How a user shows up in call records: PBX extension and work number (E.164). */
public class RepIdentity {
    public long userId;
    public String extension;
    public String number;

    public RepIdentity() {
    }

    public RepIdentity(long userId, String extension, String number) {
        this.userId = userId;
        this.extension = extension;
        this.number = number;
    }

    public boolean madeCall(LeadSignal call) {
        return (extension != null && extension.equals(call.repExtension))
                || (number != null && number.equals(call.repNumber));
    }
}
