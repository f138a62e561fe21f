package org.salesops.pipelines.calls;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.salesops.pipelines.common.RejectedInput;

/**
 * One line of Asterisk's {@code cdr_csv} {@code Master.csv} as a {@link CallRecord}.
 *
 * <p>The PBX is expected to run with {@code usegmtime=yes}, {@code loguniqueid=yes} and
 * {@code loguserfield=yes} (18 columns), optionally {@code newcdrcolumns=yes} (21 columns: peeraccount,
 * linkedid, sequence). Other column counts are rejected: without {@code uniqueid} a line has no stable
 * id, and 17 or 19-20 columns cannot be told apart. Times are read as UTC.
 *
 * <p>Rep and customer sides follow {@link PbxParties}. The call id is {@code uniqueid}, the channel's id:
 * a call that rang several phones (ring group, fork) writes one line per phone with the same
 * {@code uniqueid}; {@link CallLegs#preferred} picks the one to keep.
 */
public final class AsteriskCdrParser implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String SOURCE = "asterisk";

    private static final String FORMAT = "Asterisk cdr_csv";
    static final List<String> COLUMNS = List.of("accountcode", "src", "dst", "dcontext", "clid", "channel",
            "dstchannel", "lastapp", "lastdata", "start", "answer", "end", "duration", "billsec", "disposition",
            "amaflags", "uniqueid", "userfield");
    private static final List<String> NEW_CDR_COLUMNS = List.of("peeraccount", "linkedid", "sequence");

    private static final List<String> ALL_COLUMNS = concat(COLUMNS, NEW_CDR_COLUMNS);
    /** The dispositions {@code ast_cdr_disp2str} writes. */
    static final Set<Disposition> DISPOSITIONS = Set.of(Disposition.ANSWERED,
            Disposition.NO_ANSWER, Disposition.BUSY, Disposition.FAILED, Disposition.CONGESTION);
    /** {@code TECH/peer-0000001a}, or {@code Local/201@context-0000001a;2}: the peer is the phone. */
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9_]+/([^@;/]+?)(?:@[^;]*)?-[0-9a-fA-F]{8}(?:;\\d)?");

    private final String outsideLinePrefix;

    /** A parser for a PBX whose outside line is reached with {@code 9}. */
    public AsteriskCdrParser() {
        this(PbxParties.DEFAULT_OUTSIDE_LINE_PREFIX);
    }

    /** @param outsideLinePrefix digits the PBX puts before an external number, "" when none */
    public AsteriskCdrParser(String outsideLinePrefix) {
        this.outsideLinePrefix = outsideLinePrefix;
    }

    public CallRecord parse(String line) throws RejectedInput {
        if (line == null || line.isBlank()) {
            throw new RejectedInput(FORMAT + ": empty line");
        }
        return parse(CsvLine.split(line));
    }

    CallRecord parse(List<String> values) throws RejectedInput {
        if (values.size() != COLUMNS.size() && values.size() != ALL_COLUMNS.size()) {
            throw new RejectedInput(FORMAT + ": " + values.size() + " columns, expected " + COLUMNS.size()
                    + " (loguniqueid and loguserfield on) or " + ALL_COLUMNS.size() + " (also newcdrcolumns)");
        }
        CdrColumns row = new CdrColumns(FORMAT, ALL_COLUMNS.subList(0, values.size()), values);
        String callId = row.required("uniqueid");
        Instant start = row.time("start", ZoneOffset.UTC);
        Instant answer = row.optionalTime("answer", ZoneOffset.UTC);
        Instant end = row.time("end", ZoneOffset.UTC);
        int duration = row.seconds("duration");
        int billsec = row.seconds("billsec");
        Disposition disposition = disposition(row);
        if (end.isBefore(start)) {
            throw row.problem("end " + row.text("end") + " is before start " + row.text("start"));
        }
        if (answer != null && (answer.isBefore(start) || answer.isAfter(end))) {
            throw row.problem("answer " + row.text("answer") + " is outside start-end");
        }
        if (billsec > duration) {
            throw row.problem("billsec " + billsec + " is longer than duration " + duration);
        }
        PbxParties parties = PbxParties.of(row.text("src"), row.text("dst"),
                extensionOf(row.text("dstchannel")), outsideLinePrefix);
        return new CallRecord(SOURCE, callId, start, answer, end, duration, billsec,
                parties.direction().label(), parties.repExtension(), parties.repNumber(),
                parties.remoteNumberRaw(), parties.remoteNumber(), disposition.label(),
                disposition == Disposition.ANSWERED && billsec > 0);
    }

    private static Disposition disposition(CdrColumns row) throws RejectedInput {
        String label = row.text("disposition");
        return Disposition.ofLabel(label).filter(DISPOSITIONS::contains).orElseThrow(() -> row.problem(
                row.where("disposition") + " '" + label + "' is not ANSWERED, NO ANSWER, BUSY, FAILED or CONGESTION"));
    }

    /** The extension whose phone is on the channel, or null (trunks, pseudonymised NOT_AVAILABLE). */
    private static String extensionOf(String channel) {
        Matcher m = CHANNEL.matcher(channel);
        return m.matches() && PhoneNumbers.isExtension(m.group(1)) ? m.group(1) : null;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
