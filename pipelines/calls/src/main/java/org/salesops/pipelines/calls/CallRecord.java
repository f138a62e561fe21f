package org.salesops.pipelines.calls;

import java.time.Instant;

/**
 * One call, normalised from any telephony source (Asterisk cdr_csv, Twilio Call resource, FreeSWITCH
 * cdr_csv). The rep side is identified by a PBX extension (Asterisk, FreeSWITCH), a softphone identity
 * or a work number (Twilio); the remote side is the customer's number, normalised to E.164 by
 * {@link PhoneNumbers} so it can be matched to a lead's phone. Contract for other languages:
 * {@code schemas/input/call-record.schema.json}.
 *
 * <p>Several records can share a {@code callId} (an Asterisk ring group writes one per phone rung);
 * {@link CallLegs#preferred} chooses the one to keep.
 *
 * @param source           "asterisk", "twilio" or "freeswitch"
 * @param callId           the source's stable id (Asterisk uniqueid, Twilio sid, FreeSWITCH uuid): the dedup key
 * @param startedAt        call start (UTC)
 * @param answeredAt       when it was answered, null when never answered (Twilio: derived, see
 *                         {@link TwilioCallParser})
 * @param endedAt          call end (UTC)
 * @param durationSeconds  total duration, start to end
 * @param billableSeconds  talk time after answer, never more than {@code durationSeconds}
 * @param direction        a {@link Direction} label: "outbound" (rep called the customer), "inbound" or "internal"
 * @param repExtension     the rep's PBX extension or softphone identity, null when the source has none
 * @param repNumber        the rep's number in E.164 (Twilio work number, or the company number an inbound
 *                         customer dialled), null when the source has none
 * @param remoteNumberRaw  the customer's number as the source wrote it (the other extension for internal calls)
 * @param remoteNumber     the customer's number in E.164, null when it cannot be normalised
 * @param disposition      a {@link Disposition} label: ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION, CANCELED
 * @param connected        true when the parties talked: answered with billable time above 0
 */
public record CallRecord(
        String source,
        String callId,
        Instant startedAt,
        Instant answeredAt,
        Instant endedAt,
        int durationSeconds,
        int billableSeconds,
        String direction,
        String repExtension,
        String repNumber,
        String remoteNumberRaw,
        String remoteNumber,
        String disposition,
        boolean connected) {
}
