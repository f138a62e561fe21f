package org.salesops.pipelines.calls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a {@link CallRecord} as Twilio's current Call resource (API 2010-04-01, the shape of the
 * OpenAPI examples), for the data generator. Twilio carries the times, the talk time and the status;
 * {@link TwilioCallParser} derives the answer time and the total duration from them, so a record reads
 * back equal when its answer time is {@code end - billableSeconds}, its duration is end minus start, it
 * is outbound or inbound, and its rep has a number in E.164 or a softphone identity
 * ({@code repExtension}, written as {@code client:<identity>}) but not both.
 */
public final class TwilioCallWriter {

    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
    private static final Map<Disposition, String> STATUS = Map.of(
            Disposition.ANSWERED, "completed",
            Disposition.BUSY, "busy",
            Disposition.NO_ANSWER, "no-answer",
            Disposition.FAILED, "failed",
            Disposition.CONGESTION, "failed",
            Disposition.CANCELED, "canceled");
    private static final String[] SUBRESOURCES = {"notifications", "recordings", "payments", "events", "siprec",
        "streams", "transcriptions", "user_defined_message_subscriptions", "user_defined_messages"};
    private static final JsonMapper JSON = new JsonMapper();

    private final String accountSid;

    /** @param accountSid the Twilio account the calls belong to, {@code AC} and 32 hex digits */
    public TwilioCallWriter(String accountSid) {
        if (!ACCOUNT_SID.matcher(accountSid).matches()) {
            throw new IllegalArgumentException("not an Account SID: " + accountSid);
        }
        this.accountSid = accountSid;
    }

    public String toJson(CallRecord call) {
        Direction direction = Direction.ofLabel(call.direction())
                .filter(d -> d != Direction.INTERNAL)
                .orElseThrow(() -> new IllegalArgumentException("Twilio calls are inbound or outbound: " + call));
        String status = Disposition.ofLabel(call.disposition()).map(STATUS::get)
                .orElseThrow(() -> new IllegalArgumentException("unknown disposition in " + call));
        String rep = call.repNumber() != null ? call.repNumber() : "client:" + call.repExtension();
        String from = direction == Direction.OUTBOUND ? rep : call.remoteNumberRaw();
        String to = direction == Direction.OUTBOUND ? call.remoteNumberRaw() : rep;
        String uri = "/2010-04-01/Accounts/" + accountSid + "/Calls/" + call.callId();

        ObjectNode json = JSON.createObjectNode();
        json.put("account_sid", accountSid);
        json.putNull("answered_by");
        json.put("api_version", "2010-04-01");
        json.putNull("caller_name");
        json.put("date_created", Rfc2822.format(call.startedAt()));
        json.put("date_updated", Rfc2822.format(call.endedAt()));
        json.put("direction", direction == Direction.OUTBOUND ? "outbound-api" : "inbound");
        json.put("duration", talkTime(call));
        json.put("end_time", Rfc2822.format(call.endedAt()));
        json.putNull("forwarded_from");
        json.put("from", from);
        json.put("from_formatted", from);
        json.putNull("group_sid");
        json.putNull("parent_call_sid");
        json.putNull("phone_number_sid");
        json.putNull("price");
        json.put("price_unit", "USD");
        json.put("sid", call.callId());
        json.put("start_time", Rfc2822.format(call.startedAt()));
        json.put("status", status);
        ObjectNode subresources = json.putObject("subresource_uris");
        for (String name : SUBRESOURCES) {
            subresources.put(name, uri + "/" + camelCase(name) + ".json");
        }
        json.put("to", to);
        json.put("to_formatted", to);
        json.putNull("trunk_sid");
        json.put("uri", uri + ".json");
        json.put("queue_time", "0");
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** Twilio leaves duration empty for calls that did not talk. */
    private static String talkTime(CallRecord call) {
        return call.billableSeconds() > 0 || Disposition.ANSWERED.label().equals(call.disposition())
                ? Integer.toString(call.billableSeconds())
                : null;
    }

    /** {@code user_defined_messages} -> {@code UserDefinedMessages}, as in Twilio's subresource URIs. */
    private static String camelCase(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("_")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
