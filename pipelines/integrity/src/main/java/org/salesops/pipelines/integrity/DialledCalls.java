package org.salesops.pipelines.integrity;

import java.util.Optional;
import org.salesops.pipelines.calls.CallRecord;
import org.salesops.pipelines.metrics.response.LeadSignal;

/**
 * Every call with an external number, answered or not, either direction: a rep who dialled and got no
 * answer did call, so an unanswered attempt backs a follow-up logged as a call. (The response-time
 * metric counts only connected calls as contact; that is a different question.)
 */
public final class DialledCalls {

    private DialledCalls() {
    }

    public static Optional<LeadSignal> signal(CallRecord call) {
        if (call.remoteNumber() == null || call.startedAt() == null) {
            return Optional.empty();
        }
        return Optional.of(LeadSignal.call(call.remoteNumber(), call.startedAt().toEpochMilli(), call.repExtension(),
                call.repNumber()).answered(call.connected()));
    }
}
