package org.salesops.pipelines.calls;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.salesops.pipelines.common.RejectedInput;

/**
 * Twilio Call resources (REST API 2010-04-01) as {@link CallRecord}s: one resource, or a list page
 * ({@code {"calls": [...]}}, possibly empty), in the current shape and in the older one that still
 * carries {@code annotation}. Unknown fields are ignored.
 *
 * <p>Decisions, because Twilio does not say everything a call record holds:
 * <ul>
 *   <li>{@code duration} is talk time: it becomes {@code billableSeconds} for a completed call, and
 *       0 for any other status (a canceled call did not talk, whatever its duration says).
 *       {@code durationSeconds} is start to end, and never less than the talk time.</li>
 *   <li>Twilio has no answer time: for a connected call (completed, duration above 0) it is
 *       {@code end_time - duration}, not before {@code start_time}; null otherwise.</li>
 *   <li>A call never dialled has no {@code start_time}: {@code date_created} is used. A call that did
 *       not complete may have no {@code end_time}: it ended when it started.</li>
 *   <li>Calls still queued, ringing or in progress are rejected ("call not finished"): their final
 *       resource comes later with the same sid and replaces nothing. A list page is taken whole or
 *       rejected whole, naming the call at fault, so nothing on it is dropped silently.</li>
 *   <li>Outbound ({@code outbound-api}, {@code outbound-dial}, {@code trunking-terminating}): the rep
 *       is {@code from}; inbound ({@code inbound}, {@code trunking-originating}): the rep is {@code to}.
 *       A rep on a Twilio Client or SIP softphone ({@code client:alice}, {@code sip:alice@...}) has that
 *       identity as {@code repExtension} and no number.</li>
 *   <li>Statuses map onto {@link Disposition}: completed ANSWERED, busy BUSY, no-answer NO ANSWER,
 *       failed FAILED, canceled CANCELED.</li>
 * </ul>
 */
public final class TwilioCallParser implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String SOURCE = "twilio";

    private static final String FORMAT = "Twilio Call";

    private static final Map<String, Disposition> FINISHED = Map.of(
            "completed", Disposition.ANSWERED,
            "busy", Disposition.BUSY,
            "no-answer", Disposition.NO_ANSWER,
            "failed", Disposition.FAILED,
            "canceled", Disposition.CANCELED);
    private static final List<String> UNFINISHED = List.of("queued", "ringing", "in-progress");
    private static final Map<String, Direction> DIRECTIONS = Map.of(
            "inbound", Direction.INBOUND,
            "trunking-originating", Direction.INBOUND,
            "outbound-api", Direction.OUTBOUND,
            "outbound-dial", Direction.OUTBOUND,
            "trunking-terminating", Direction.OUTBOUND);

    private static final Pattern CALL_SID = Pattern.compile("CA[0-9a-fA-F]{32}");
    private static final Pattern SOFTPHONE = Pattern.compile("(?:client:|sip:)([^@]+)(?:@.*)?");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    public List<CallRecord> parse(String json) throws RejectedInput {
        JsonNode root = read(json);
        if (root.isObject() && root.has("calls")) {
            JsonNode calls = root.get("calls");
            if (!calls.isArray()) {
                throw new RejectedInput(FORMAT + " list: 'calls' is not a list");
            }
            List<CallRecord> records = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                records.add(call(calls.get(i), FORMAT + " list: calls[" + i + "]"));
            }
            return records;
        }
        if (root.isObject() && root.has("sid")) {
            return List.of(call(root, FORMAT));
        }
        throw new RejectedInput(FORMAT + ": neither a Call resource (no 'sid') nor a list page (no 'calls')");
    }

    private static JsonNode read(String json) throws RejectedInput {
        if (json == null || json.isBlank()) {
            throw new RejectedInput(FORMAT + ": empty message");
        }
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            throw new RejectedInput(FORMAT + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static CallRecord call(JsonNode call, String where) throws RejectedInput {
        if (!call.isObject()) {
            throw new RejectedInput(where + ": not a JSON object");
        }
        String sid = text(call, "sid");
        if (sid == null || !CALL_SID.matcher(sid).matches()) {
            throw new RejectedInput(where + ": sid '" + sid + "' is not a Call SID (CA and 32 hex digits)");
        }
        String at = where + " " + sid;
        Disposition disposition = disposition(call, at);
        Direction direction = direction(call, at);
        Instant start = firstTime(call, at, "start_time", "date_created");
        if (start == null) {
            throw new RejectedInput(at + ": no start_time and no date_created");
        }
        Instant end = firstTime(call, at, "end_time");
        if (end == null) {
            end = start;
        }
        if (end.isBefore(start)) {
            throw new RejectedInput(at + ": end_time is before start_time");
        }
        int reported = seconds(call, at);
        int talk = disposition == Disposition.ANSWERED ? reported : 0;
        boolean connected = talk > 0;
        int duration = (int) Math.max(Duration.between(start, end).toSeconds(), talk);
        Instant answered = connected ? latest(start, end.minusSeconds(talk)) : null;

        String rep = text(call, direction == Direction.OUTBOUND ? "from" : "to");
        String remote = text(call, direction == Direction.OUTBOUND ? "to" : "from");
        return new CallRecord(SOURCE, sid, start, answered, end, duration, talk, direction.label(),
                softphone(rep), PhoneNumbers.toE164(rep), remote, PhoneNumbers.toE164(remote),
                disposition.label(), connected);
    }

    private static Disposition disposition(JsonNode call, String at) throws RejectedInput {
        String status = text(call, "status");
        if (status == null) {
            throw new RejectedInput(at + ": no status");
        }
        if (UNFINISHED.contains(status)) {
            throw new RejectedInput(at + ": call not finished (status " + status + ")");
        }
        Disposition disposition = FINISHED.get(status);
        if (disposition == null) {
            throw new RejectedInput(at + ": unknown status '" + status + "'");
        }
        return disposition;
    }

    private static Direction direction(JsonNode call, String at) throws RejectedInput {
        String direction = text(call, "direction");
        Direction known = direction == null ? null : DIRECTIONS.get(direction);
        if (known == null) {
            throw new RejectedInput(at + ": unknown direction '" + direction + "'");
        }
        return known;
    }

    /** The first of the fields that is set, as an instant. */
    private static Instant firstTime(JsonNode call, String at, String... fields) throws RejectedInput {
        for (String field : fields) {
            String text = text(call, field);
            if (text != null) {
                Instant time = Rfc2822.parse(text);
                if (time == null) {
                    throw new RejectedInput(at + ": " + field + " '" + text + "' is not an RFC 2822 date-time");
                }
                return time;
            }
        }
        return null;
    }

    /** Twilio writes duration as a string; empty when the call did not talk. */
    private static int seconds(JsonNode call, String at) throws RejectedInput {
        String duration = text(call, "duration");
        if (duration == null) {
            return 0;
        }
        if (!duration.matches("[0-9]{1,9}")) {
            throw new RejectedInput(at + ": duration '" + duration + "' is not a whole, non-negative number of seconds");
        }
        return Integer.parseInt(duration);
    }

    private static String softphone(String address) {
        if (address == null) {
            return null;
        }
        Matcher m = SOFTPHONE.matcher(address);
        return m.matches() ? m.group(1) : null;
    }

    /** The field as text, null when absent, null or blank. */
    private static String text(JsonNode call, String field) {
        JsonNode value = call.get(field);
        if (value == null || value.isNull() || value.isContainerNode() || value.asText().isBlank()) {
            return null;
        }
        return value.asText();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
