package org.salesops.jobs.generator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.salesops.pipelines.calls.CallRecord;

/**
 * The company's telephones: the desk PBX (Asterisk, reps known by extension, far ends written
 * PBX-style, outside-line digit included) and the cloud work phone (Twilio, reps known by their
 * mobile, numbers in E.164). A call record's remoteNumber is the number's E.164 form, the truth the
 * pipeline's normalisation must recover from remoteNumberRaw.
 * Times are whole seconds, as both systems report them. A call is reported when it ends, and
 * what follows from it (a follow-up, a callback) happens from then on.
 */
final class Telephony {

    /** How a call ended. */
    enum Outcome { ANSWERED, NO_ANSWER, BUSY }

    private final Rng rng;
    private final Agenda agenda;
    private final List<GeneratedCall> calls = new ArrayList<>();
    private long sequence = 1_000;

    Telephony(Rng rng, Agenda agenda) {
        this.rng = rng;
        this.agenda = agenda;
    }

    /**
     * A call between a colleague and an outside number, starting now.
     *
     * @param talkSeconds seconds of conversation when answered
     * @param afterwards  what happens once the call has ended and is on record
     */
    void call(Staff colleague, Phone remote, boolean outbound, Outcome outcome, int talkSeconds,
              Consumer<CallRecord> afterwards) {
        Instant startedAt = agenda.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        int ringSeconds = outcome == Outcome.BUSY ? rng.between(1, 4) : rng.between(4, outcome == Outcome.NO_ANSWER ? 45 : 20);
        boolean answered = outcome == Outcome.ANSWERED;
        Instant answeredAt = answered ? startedAt.plusSeconds(ringSeconds) : null;
        int billable = answered ? talkSeconds : 0;
        Instant endedAt = startedAt.plusSeconds(ringSeconds + billable);
        String direction = outbound ? "outbound" : "inbound";
        // One vocabulary for every source (Asterisk's words), as CallRecord.disposition defines it.
        String disposition = switch (outcome) {
            case ANSWERED -> "ANSWERED";
            case NO_ANSWER -> "NO ANSWER";
            case BUSY -> "BUSY";
        };
        CallRecord record;
        CallFormat format;
        if (rng.chance(colleague.habits() == null ? 0.1 : colleague.habits().cloudPhoneShare())) {
            format = CallFormat.TWILIO;
            record = new CallRecord("twilio", "CA" + rng.hex(32), startedAt, answeredAt, endedAt,
                    ringSeconds + billable, billable, direction, null, colleague.mobile().e164(),
                    remote.e164(), remote.e164(), disposition, answered && billable > 0);
        } else {
            format = CallFormat.ASTERISK;
            String uniqueId = startedAt.getEpochSecond() + "." + sequence++;
            record = new CallRecord("asterisk", uniqueId, startedAt, answeredAt, endedAt,
                    ringSeconds + billable, billable, direction, colleague.extension(), null,
                    outbound ? remote.dialledOnPbx(rng) : remote.callerIdOnPbx(rng), remote.e164(), disposition, answered && billable > 0);
        }
        GeneratedCall call = new GeneratedCall(record, format);
        agenda.at(endedAt, () -> {
            calls.add(call);
            afterwards.accept(call.record());
        });
    }

    /** A call between two desk phones: on the PBX only, with no outside number to match. */
    void internal(Staff caller, Staff callee, int talkSeconds) {
        Instant startedAt = agenda.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        int ring = rng.between(3, 12);
        CallRecord record = new CallRecord("asterisk", startedAt.getEpochSecond() + "." + sequence++, startedAt,
                startedAt.plusSeconds(ring), startedAt.plusSeconds(ring + talkSeconds), ring + talkSeconds,
                talkSeconds, "internal", caller.extension(), null, callee.extension(), null, "ANSWERED", true);
        agenda.at(record.endedAt(), () -> calls.add(new GeneratedCall(record, CallFormat.ASTERISK)));
    }

    List<GeneratedCall> calls() {
        return Collections.unmodifiableList(calls);
    }
}
