package org.salesops.jobs.generator;

import org.salesops.pipelines.calls.CallRecord;

/** One call of the simulated company and the format its telephone system reports it in. */
public record GeneratedCall(CallRecord record, CallFormat format) {
}
