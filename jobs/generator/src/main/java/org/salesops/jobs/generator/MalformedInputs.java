package org.salesops.jobs.generator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A handful of broken inputs per topic, written the way broken inputs really look: a Debezium
 * event cut off by a proxy, an op nobody knows, a table the CRM does not have, a name typed into
 * an id column; a CDR line missing columns; a camt.054 cut off or with mismatched tags.
 */
final class MalformedInputs {

    static final String CRM_TOPIC_PREFIX = "crm.public.";
    static final String CDR_TOPIC = "pbx.cdr";
    static final String CAMT054_TOPIC = "bank.camt054";

    private static final DateTimeFormatter CDR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final World world;
    private final List<MalformedPayload> payloads = new ArrayList<>();
    private Instant last;

    MalformedInputs(World world) {
        this.world = world;
    }

    List<MalformedPayload> create() {
        String lead = leadEvent(990_001, "\"owner_id\":null", "c", time());
        crm("leads", 990_001, lead.substring(0, lead.length() * 3 / 5), RejectionKind.BROKEN_JSON);
        crm("leads", 990_002, leadEvent(990_002, "\"owner_id\":null", "c", time())
                .replace("\"contact_name\":\"", "\"contact_name\":\"\"老"), RejectionKind.BROKEN_JSON);
        crm("leads", 990_003, leadEvent(990_003, "\"owner_id\":null", "x", time()), RejectionKind.UNKNOWN_OP);
        crm("leads", 990_004, leadEvent(990_004, "\"owner_id\":\"王伟\"", "c", time()), RejectionKind.WRONG_TYPE);
        crm("activities", 990_005, activityEvent(990_005, time()), RejectionKind.WRONG_TYPE);
        crm("sales_targets", 7, salesTargetEvent(7, time()), RejectionKind.UNKNOWN_TABLE);
        crm("sales_targets", 8, salesTargetEvent(8, time()), RejectionKind.UNKNOWN_TABLE);

        String cdr = cdrLine("8003", "13912345678", "185", time());
        other(CDR_TOPIC, cdr.substring(0, nthComma(cdr, 9)), RejectionKind.TRUNCATED_CSV);
        cdr = cdrLine("8003", "13912345678", "185", time());
        other(CDR_TOPIC, cdr.substring(0, nthComma(cdr, 14) + 4), RejectionKind.TRUNCATED_CSV);
        other(CDR_TOPIC, cdrLine("8005", "075526581234", "1分12秒", time()), RejectionKind.WRONG_TYPE);
        String twilio = twilioCall(time());
        other(CDR_TOPIC, twilio.substring(0, twilio.length() / 2), RejectionKind.BROKEN_JSON);

        String camt = camt054("12500.00", time());
        other(CAMT054_TOPIC, camt.substring(0, camt.indexOf("<NtryDtls>")), RejectionKind.BROKEN_XML);
        other(CAMT054_TOPIC, camt054("12500.00", time()).replace("</Ntry>", "</Entry>"), RejectionKind.BROKEN_XML);
        other(CAMT054_TOPIC, camt054("12500.OO", time()), RejectionKind.WRONG_TYPE);
        payloads.sort(Comparator.comparing(MalformedPayload::at));
        return List.copyOf(payloads);
    }

    /** A CRM event arrives about 35 ms after its commit (the time inside it). */
    private void crm(String table, long id, String value, RejectionKind kind) {
        payloads.add(new MalformedPayload(CRM_TOPIC_PREFIX + table, "{\"id\":" + id + "}", value, kind, last.plusMillis(35)));
    }

    /** A CDR or bank document arrives a few seconds after the time written inside it. */
    private void other(String topic, String value, RejectionKind kind) {
        payloads.add(new MalformedPayload(topic, null, value, kind, last.plusSeconds(world.rng.between(1, 30))));
    }

    /** Office hours on a day of the live period; remembered as the time of the payload being built. */
    private Instant time() {
        LocalDate first = world.profile.startDate();
        LocalDate day = first.plusDays(world.rng.between(0, world.profile.days() - 1));
        last = world.calendar.at(day, world.rng.between(9, 17), world.rng.between(0, 59));
        return last;
    }

    private String source(String table, Instant at) {
        return "\"source\":{\"version\":\"2.7.3.Final\",\"connector\":\"postgresql\",\"name\":\"crm\",\"ts_ms\":" + at.toEpochMilli()
                + ",\"snapshot\":\"false\",\"db\":\"crm\",\"schema\":\"public\",\"table\":\"" + table
                + "\",\"txId\":" + world.rng.between(90_000, 99_999) + ",\"lsn\":" + world.rng.between(900_000_000, 999_999_999)
                + ",\"xmin\":null}";
    }

    private String leadEvent(long id, String owner, String op, Instant at) {
        return "{\"before\":null,\"after\":{\"id\":" + id + ",\"customer_id\":null,\"contact_name\":\"张先生\","
                + "\"phone\":\"138-0013-8000\",\"channel\":\"douyin\",\"status\":\"new\"," + owner + ",\"assigned_at\":null,"
                + "\"loss_reason\":null,\"created_by\":null,\"created_at\":\"" + at + "\",\"updated_at\":\"" + at + "\"},"
                + source("leads", at) + ",\"op\":\"" + op + "\",\"ts_ms\":" + (at.toEpochMilli() + 35) + ",\"transaction\":null}";
    }

    private String activityEvent(long id, Instant at) {
        return "{\"before\":null,\"after\":{\"id\":" + id + ",\"lead_id\":null,\"opportunity_id\":null,\"customer_id\":null,"
                + "\"owner_id\":1005,\"type\":\"call\",\"occurred_at\":\"" + at + "\",\"notes\":\"电话沟通需求\","
                + "\"questions_asked\":\"三个\",\"discoveries\":null,\"evidence_quote\":null,\"objection_type\":null,"
                + "\"strategy_id\":null,\"created_at\":\"" + at + "\",\"updated_at\":\"" + at + "\"},"
                + source("activities", at) + ",\"op\":\"c\",\"ts_ms\":" + (at.toEpochMilli() + 35) + ",\"transaction\":null}";
    }

    private String salesTargetEvent(long id, Instant at) {
        return "{\"before\":null,\"after\":{\"id\":" + id + ",\"rep_id\":1005,\"month\":\"2026-03\",\"target_amount\":\"500000.00\","
                + "\"updated_at\":\"" + at + "\"}," + source("sales_targets", at) + ",\"op\":\"c\",\"ts_ms\":"
                + (at.toEpochMilli() + 35) + ",\"transaction\":null}";
    }

    /** An 18-column cdr_csv line (usegmtime, loguniqueid, loguserfield). */
    private String cdrLine(String extension, String dialled, String duration, Instant start) {
        String begin = CDR_TIME.format(start);
        return "\"\",\"" + extension + "\",\"" + dialled + "\",\"from-internal\",\"\"\"销售\"\" <" + extension + ">\","
                + "\"PJSIP/" + extension + "-0000" + world.rng.hex(4) + "\",\"PJSIP/trunk-0000" + world.rng.hex(4) + "\","
                + "\"Dial\",\"PJSIP/" + dialled + "@trunk\",\"" + begin + "\",\"" + CDR_TIME.format(start.plusSeconds(13))
                + "\",\"" + CDR_TIME.format(start.plusSeconds(185)) + "\"," + duration + ",172,\"ANSWERED\",\"DOCUMENTATION\",\"" + start.getEpochSecond() + "." + world.rng.between(1, 999) + "\",\"\"";
    }

    private String twilioCall(Instant start) {
        DateTimeFormatter rfc2822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
        return "{\"sid\":\"CA" + world.rng.hex(32) + "\",\"account_sid\":\"AC" + world.rng.hex(32)
                + "\",\"from\":\"+8613912345678\",\"to\":\"+8613800138000\",\"status\":\"completed\","
                + "\"direction\":\"outbound-api\",\"start_time\":\"" + rfc2822.format(start) + "\",\"end_time\":\""
                + rfc2822.format(start.plusSeconds(195)) + "\",\"duration\":\"195\"}";
    }

    private static int nthComma(String line, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = line.indexOf(',', at + 1);
        }
        return at;
    }

    private String camt054(String amount, Instant at) {
        String day = at.atZone(WorkCalendar.SHANGHAI).toLocalDate().toString();
        String reference = "ERR" + world.rng.digits(12);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\"><BkToCstmrDbtCdtNtfctn>"
                + "<GrpHdr><MsgId>CMB054ERR" + world.rng.digits(8) + "</MsgId><CreDtTm>" + at + "</CreDtTm></GrpHdr>"
                + "<Ntfctn><Id>N" + world.rng.digits(10) + "</Id><CreDtTm>" + at + "</CreDtTm>"
                + "<Acct><Id><Othr><Id>" + BankFeed.ACCOUNT + "</Id></Othr></Id><Ccy>CNY</Ccy></Acct>"
                + "<Ntry><Amt Ccy=\"CNY\">" + amount + "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
                + "<BookgDt><Dt>" + day + "</Dt></BookgDt><ValDt><Dt>" + day + "</Dt></ValDt>"
                + "<AcctSvcrRef>" + reference + "</AcctSvcrRef>"
                + "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>"
                + "<NtryDtls><TxDtls><Refs><AcctSvcrRef>" + reference + "</AcctSvcrRef></Refs>"
                + "<Amt Ccy=\"CNY\">" + amount + "</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
                + "<RltdPties><Dbtr><Pty><Nm>佛山市顺达建材有限公司</Nm></Pty></Dbtr>"
                + "<DbtrAcct><Id><Othr><Id>6222" + world.rng.digits(12) + "</Id></Othr></Id></DbtrAcct></RltdPties>"
                + "<RmtInf><Ustrd>货款</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry></Ntfctn>"
                + "</BkToCstmrDbtCdtNtfctn></Document>";
    }
}
