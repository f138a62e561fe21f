package org.salesops.pipelines.calls;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.salesops.pipelines.common.RejectedInput;

/**
 * One line of FreeSWITCH's {@code mod_cdr_csv} {@code Master.csv} in its default ("example") template
 * as a {@link CallRecord}: caller_id_name, caller_id_number, destination_number, context, start_stamp,
 * answer_stamp, end_stamp, duration, billsec, hangup_cause, uuid, bleg_uuid, accountcode, read_codec,
 * write_codec. Other templates are the operator's own layout and are not recognised.
 *
 * <p>Unlike Asterisk with {@code usegmtime}, FreeSWITCH writes its {@code *_stamp} times in the switch's
 * local time, so the parser needs the switch's zone. The call id is the leg's {@code uuid}. Rep and
 * customer follow {@link PbxParties} with caller_id_number as caller and destination_number as dialled.
 * The disposition comes from the answer time and the Q.850 hangup cause: answered is ANSWERED;
 * otherwise USER_BUSY is BUSY, NO_ANSWER and NO_USER_RESPONSE are NO ANSWER, ORIGINATOR_CANCEL is
 * CANCELED, the congestion causes are CONGESTION, and every other cause is FAILED.
 */
public final class FreeSwitchCdrParser implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String SOURCE = "freeswitch";

    private static final String FORMAT = "FreeSWITCH cdr_csv";
    static final List<String> COLUMNS = List.of("caller_id_name", "caller_id_number", "destination_number",
            "context", "start_stamp", "answer_stamp", "end_stamp", "duration", "billsec", "hangup_cause", "uuid",
            "bleg_uuid", "accountcode", "read_codec", "write_codec");

    private static final Map<String, Disposition> UNANSWERED_CAUSES = Map.of(
            "USER_BUSY", Disposition.BUSY,
            "NO_ANSWER", Disposition.NO_ANSWER,
            "NO_USER_RESPONSE", Disposition.NO_ANSWER,
            "ORIGINATOR_CANCEL", Disposition.CANCELED,
            "NORMAL_CIRCUIT_CONGESTION", Disposition.CONGESTION,
            "SWITCH_CONGESTION", Disposition.CONGESTION);

    private final ZoneId switchZone;

    /** @param switchZone the time zone FreeSWITCH runs in, which its stamps are written in */
    public FreeSwitchCdrParser(ZoneId switchZone) {
        this.switchZone = switchZone;
    }

    public CallRecord parse(String line) throws RejectedInput {
        if (line == null || line.isBlank()) {
            throw new RejectedInput(FORMAT + ": empty line");
        }
        return parse(CsvLine.split(line));
    }

    CallRecord parse(List<String> values) throws RejectedInput {
        if (values.size() != COLUMNS.size()) {
            throw new RejectedInput(FORMAT + ": " + values.size() + " columns, expected " + COLUMNS.size()
                    + " (the default 'example' template)");
        }
        CdrColumns row = new CdrColumns(FORMAT, COLUMNS, values);
        String callId = row.required("uuid");
        Instant start = row.time("start_stamp", switchZone);
        Instant answer = row.optionalTime("answer_stamp", switchZone);
        Instant end = row.time("end_stamp", switchZone);
        int duration = row.seconds("duration");
        int billsec = row.seconds("billsec");
        String cause = row.required("hangup_cause");
        if (!cause.matches("[A-Z0-9_]+")) {
            throw row.problem(row.where("hangup_cause") + " '" + cause + "' is not a hangup cause name");
        }
        if (end.isBefore(start)) {
            throw row.problem("end_stamp " + row.text("end_stamp") + " is before start_stamp " + row.text("start_stamp"));
        }
        if (answer != null && (answer.isBefore(start) || answer.isAfter(end))) {
            throw row.problem("answer_stamp " + row.text("answer_stamp") + " is outside start_stamp-end_stamp");
        }
        if (billsec > duration) {
            throw row.problem("billsec " + billsec + " is longer than duration " + duration);
        }
        Disposition disposition = answer != null
                ? Disposition.ANSWERED
                : UNANSWERED_CAUSES.getOrDefault(cause, Disposition.FAILED);
        PbxParties parties = PbxParties.of(row.text("caller_id_number"), row.text("destination_number"), null,
                PbxParties.DEFAULT_OUTSIDE_LINE_PREFIX);
        return new CallRecord(SOURCE, callId, start, answer, end, duration, billsec,
                parties.direction().label(), parties.repExtension(), parties.repNumber(),
                parties.remoteNumberRaw(), parties.remoteNumber(), disposition.label(),
                disposition == Disposition.ANSWERED && billsec > 0);
    }
}
