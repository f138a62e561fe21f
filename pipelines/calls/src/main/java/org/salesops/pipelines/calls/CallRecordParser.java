package org.salesops.pipelines.calls;

import java.io.Serializable;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.salesops.pipelines.common.RejectedInput;

/**
 * One Kafka message of topic {@code pbx.cdr} as call records. A message is a Twilio Call resource or
 * list page (JSON: the first non-blank character is an opening brace or bracket), or one CDR line from a PBX:
 * 15 columns are FreeSWITCH's default {@code cdr_csv} template, anything else must be Asterisk
 * {@code cdr_csv}. An empty Twilio list page gives no records.
 */
public final class CallRecordParser implements Serializable {

    private static final long serialVersionUID = 1L;

    private final AsteriskCdrParser asterisk;
    private final FreeSwitchCdrParser freeSwitch;
    private final TwilioCallParser twilio = new TwilioCallParser();

    /** Asterisk with outside-line digit 9; FreeSWITCH stamps read as UTC. */
    public CallRecordParser() {
        this(new AsteriskCdrParser(), ZoneOffset.UTC);
    }

    /** @param freeSwitchZone the zone FreeSWITCH writes its local-time stamps in */
    public CallRecordParser(AsteriskCdrParser asterisk, ZoneId freeSwitchZone) {
        this.asterisk = asterisk;
        this.freeSwitch = new FreeSwitchCdrParser(freeSwitchZone);
    }

    public List<CallRecord> parse(String payload) throws RejectedInput {
        String message = payload == null ? "" : payload.stripLeading();
        if (message.startsWith("\uFEFF")) {
            message = message.substring(1).stripLeading();
        }
        if (message.isBlank()) {
            throw new RejectedInput("pbx.cdr: empty message");
        }
        char first = message.charAt(0);
        if (first == '{' || first == '[') {
            return twilio.parse(message);
        }
        List<String> columns = CsvLine.split(message);
        if (columns.size() == FreeSwitchCdrParser.COLUMNS.size()) {
            return List.of(freeSwitch.parse(columns));
        }
        return List.of(asterisk.parse(columns));
    }
}
