package org.salesops.pipelines.calls;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes a {@link CallRecord} as the line Asterisk's {@code cdr_csv} would have written for it
 * ({@code usegmtime}, {@code loguniqueid}, {@code loguserfield}: 18 columns), for the data generator.
 * Text columns are quoted with inner quotes doubled, numbers are bare and a missing answer time is an
 * empty bare column, exactly like {@code cdr_csv.c}.
 *
 * <p>{@link AsteriskCdrParser} reads the line back to an equal record when the record is one Asterisk
 * can carry: times in whole seconds, an Asterisk disposition, a rep extension (outbound and internal
 * calls; inbound calls have one, or the company number dialled in {@code repNumber}, or both), and
 * {@code remoteNumber} being what {@link PhoneNumbers} makes of {@code remoteNumberRaw}.
 */
public final class AsteriskCdrWriter {

    /** The peer name of the PBX's outside line in generated channel names. */
    private static final String TRUNK = "trunk";

    private AsteriskCdrWriter() {
    }

    /**
     * @param dcontext          the dialplan context the call ran in, e.g. {@code from-internal}
     * @param channelTechnology the channel driver of the phones, e.g. {@code PJSIP} or {@code SIP}
     */
    public static String format(CallRecord call, String dcontext, String channelTechnology) {
        Direction direction = Direction.ofLabel(call.direction())
                .orElseThrow(() -> new IllegalArgumentException("unknown direction in " + call));
        Channels channels = channels(call, direction);
        int sequence = call.callId().hashCode();
        String lastData = direction == Direction.OUTBOUND ? channels.dst() + "@" + TRUNK
                : channels.calleePeer() != null ? channels.calleePeer() : channels.dst();
        List<String> columns = List.of(
                CsvLine.quoted(""),
                CsvLine.quoted(channels.src()),
                CsvLine.quoted(channels.dst()),
                CsvLine.quoted(dcontext),
                CsvLine.quoted("\"\" <" + channels.src() + ">"),
                CsvLine.quoted(channel(channelTechnology, channels.callerPeer(), sequence)),
                CsvLine.quoted(channel(channelTechnology, channels.calleePeer(), sequence + 1)),
                CsvLine.quoted("Dial"),
                CsvLine.quoted(channelTechnology + "/" + lastData),
                time(call.startedAt()),
                time(call.answeredAt()),
                time(call.endedAt()),
                Integer.toString(call.durationSeconds()),
                Integer.toString(call.billableSeconds()),
                CsvLine.quoted(asteriskDisposition(call)),
                CsvLine.quoted("DOCUMENTATION"),
                CsvLine.quoted(call.callId()),
                CsvLine.quoted(""));
        return String.join(",", columns);
    }

    /** Caller and dialled number, and the peers on the A and B channels: a rep's phone or the trunk. */
    private record Channels(String src, String dst, String callerPeer, String calleePeer) {
    }

    private static Channels channels(CallRecord call, Direction direction) {
        if (direction == Direction.INBOUND) {
            String dst = call.repNumber() != null ? call.repNumber() : require(call.repExtension(), call);
            return new Channels(call.remoteNumberRaw(), dst, TRUNK, call.repExtension());
        }
        String rep = require(call.repExtension(), call);
        String callee = direction == Direction.INTERNAL ? call.remoteNumberRaw() : TRUNK;
        return new Channels(rep, call.remoteNumberRaw(), rep, callee);
    }

    private static String asteriskDisposition(CallRecord call) {
        return Disposition.ofLabel(call.disposition()).filter(AsteriskCdrParser.DISPOSITIONS::contains)
                .orElseThrow(() -> new IllegalArgumentException("not an Asterisk disposition: " + call))
                .label();
    }

    /** {@code PJSIP/201-0000a1f3}: Asterisk numbers channels with 8 hex digits; empty without a peer. */
    private static String channel(String technology, String peer, int sequence) {
        return peer == null ? "" : technology + "/" + peer + "-" + String.format("%08x", sequence);
    }

    private static String time(Instant time) {
        return time == null ? "" : CsvLine.quoted(CdrColumns.formatTime(time, ZoneOffset.UTC));
    }

    private static String require(String repExtension, CallRecord call) {
        if (repExtension == null) {
            throw new IllegalArgumentException("repExtension is needed to write an Asterisk CDR: " + call);
        }
        return repExtension;
    }
}
