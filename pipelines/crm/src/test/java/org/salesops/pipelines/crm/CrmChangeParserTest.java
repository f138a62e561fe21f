package org.salesops.pipelines.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salesops.pipelines.crm.TestEvents.bytes;
import static org.salesops.pipelines.crm.TestEvents.json;
import static org.salesops.pipelines.crm.TestEvents.row;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.common.RejectedInput;

/** The CRM parser on hand-written events for the CRM's own tables. */
class CrmChangeParserTest {

    private final CrmChangeParser parser = new CrmChangeParser();

    @Test
    void typesACreateTextBigintAndTimestamptzColumnsIncluded() throws RejectedInput {
        CrmChange change = parse("crm.public.leads", json("leads-create.json"));

        assertThat(change).isEqualTo(new CrmChange("leads", "c", null,
                row("id", 1001L, "customer_id", null, "contact_name", "王磊", "phone", "+86 138 0013 8000",
                        "channel", "douyin", "status", "assigned", "owner_id", 21L,
                        "assigned_at", Instant.parse("2026-03-02T01:30:00Z"), "loss_reason", null, "created_by", 7L,
                        "created_at", Instant.parse("2026-03-01T23:58:12.345678Z"),
                        "updated_at", Instant.parse("2026-03-02T01:30:00Z")),
                Instant.parse("2026-03-02T01:30:00.123Z"), 24023128L, 7811L));
        assertThat(change.row()).isSameAs(change.after());
    }

    @Test
    void typesAnUpdateWithDecimalStringsAtTheColumnScaleAndDatesFromDays() throws RejectedInput {
        CrmChange change = parse("crm.public.opportunities", json("opportunities-update.json"));

        assertThat(change.op()).isEqualTo("u");
        assertThat(change.before().get("amount")).isEqualTo(new BigDecimal("1250000.00"));
        assertThat(change.before().get("expected_close_date")).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(change.after().get("amount")).isEqualTo(new BigDecimal("1180000.50"));
        assertThat(change.after().get("expected_close_date")).isEqualTo(LocalDate.of(2026, 4, 15));
        assertThat(change.after().get("stage")).isEqualTo("negotiation");
        assertThat(change.committedAt()).isEqualTo(Instant.parse("2026-03-04T02:00:00.100Z"));
    }

    @Test
    void typesADeleteFromItsCompleteBeforeBooleansAndOffsetsIncluded() throws RejectedInput {
        CrmChange change = parse("crm.public.users", json("users-delete.json"));

        assertThat(change.op()).isEqualTo("d");
        assertThat(change.after()).isNull();
        assertThat(change.row()).isSameAs(change.before());
        assertThat(change.before()).isEqualTo(row("id", 21L, "name", "李娜", "role", "rep", "team_id", 3L,
                "manager_id", 5L, "extension", "8021", "mobile", "13800138021", "email", "li.na@example.cn",
                "active", false, "updated_at", Instant.parse("2026-02-27T01:00:00Z")));
    }

    @Test
    void typesASnapshotReadWithIntegerColumns() throws RejectedInput {
        CrmChange change = parse("crm.public.activities", json("activities-snapshot-read.json"));

        assertThat(change.op()).isEqualTo("r");
        assertThat(change.after().get("questions_asked")).isEqualTo(4);
        assertThat(change.after().get("objection_type")).isNull();
        assertThat(change.after()).containsKey("objection_type").hasSize(15);
    }

    @Test
    void decodesBase64DecimalsWithTheWrappersScaleAndDatesFromTheWrapper() throws RejectedInput {
        CrmChange change = parse("crm.public.contracts", json("contracts-create-wrapped-precise.json"));

        assertThat(change.after().get("amount")).isEqualTo(new BigDecimal("1280000.00"));
        assertThat(change.after().get("commission_rate")).isEqualTo(new BigDecimal("0.0350"));
        assertThat(change.after().get("expected_payment_date")).isEqualTo(LocalDate.of(2026, 4, 15));
        assertThat(change.after().get("signed_at")).isEqualTo(Instant.parse("2026-03-05T06:00:00Z"));
        assertThat(change.after().get("finance_contact_email")).isNull();
        assertThat(change.lsn()).isEqualTo(27000000L);
    }

    @Test
    void readsEpochMicrosWhenTheWrapperSaysMicroTimestampAndIsoDates() throws RejectedInput {
        CrmChange change = parse("crm.public.delivery_schedule", json("delivery-schedule-update-wrapped.json"));

        assertThat(change.before().get("updated_at")).isEqualTo(Instant.parse("2026-03-03T02:00:00.250Z"));
        assertThat(change.after().get("updated_at")).isEqualTo(Instant.parse("2026-03-04T02:00:00Z"));
        assertThat(change.after().get("start_date")).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(change.after().get("end_date")).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(change.before().get("hours_per_day")).isEqualTo(new BigDecimal("6.0"));
        assertThat(change.after().get("hours_per_day")).isEqualTo(new BigDecimal("7.5"));
    }

    @Test
    void readsBase64DecimalsWithoutTheWrapperAtTheDdlScale() throws RejectedInput {
        ObjectNode event = json("opportunities-update.json");
        ((ObjectNode) event.get("after")).put("amount", "B6EgAA==");

        assertThat(parse("crm.public.opportunities", event).after().get("amount")).isEqualTo(new BigDecimal("1280000.00"));
    }

    @Test
    void readsDecimalsSentAsJsonNumbers() throws RejectedInput {
        ObjectNode event = json("opportunities-update.json");
        ((ObjectNode) event.get("after")).put("amount", new BigDecimal("1180000.5"));

        assertThat(parse("crm.public.opportunities", event).after().get("amount")).isEqualTo(new BigDecimal("1180000.50"));
    }

    @Test
    void ignoresColumnsTheContractDoesNotKnow() throws RejectedInput {
        ObjectNode event = json("leads-create.json");
        ((ObjectNode) event.get("after")).put("wechat_id", "wx_wanglei");

        assertThat(parse("crm.public.leads", event)).isEqualTo(parse("crm.public.leads", json("leads-create.json")));
    }

    @Test
    void takesTheTableFromTheTopicWhenTheSourceNamesNone() throws RejectedInput {
        ObjectNode event = json("leads-create.json");
        ((ObjectNode) event.get("source")).remove("table");

        assertThat(parse("crm.public.leads", event).table()).isEqualTo("leads");
    }

    @Test
    void readsTombstonesWithTheKeyAsBefore() throws RejectedInput {
        CrmChange expected = new CrmChange("leads", "tombstone", row("id", 1001L), null, null, null, null);

        assertThat(parser.parse("crm.public.leads", bytes(json("leads-key.json")), null)).isEqualTo(expected);
        assertThat(parser.parse("crm.public.leads", bytes(json("leads-key-wrapped.json")), null)).isEqualTo(expected);
    }

    @Test
    void rejectsTombstonesWithoutKeyOrOfUnknownTopics() {
        assertRejected(() -> parser.parse("crm.public.leads", null, null), "leads: tombstone without a key");
        assertRejected(() -> parser.parse("crm.public.prospects", bytes(json("leads-key.json")), null),
                "unknown table crm.public.prospects");
        assertRejected(() -> parser.parse("crm.public.leads", "{\"id\":\"1001\"}".getBytes(StandardCharsets.UTF_8), null),
                "leads.id: expected bigint (a JSON integer), got string \"1001\"");
    }

    @Test
    void rejectsValuesOfTheWrongJsonType() {
        assertRejected("crm.public.leads", edit(json("leads-create.json"), "after", "owner_id", "\"abc\""),
                "leads.owner_id: expected bigint (a JSON integer), got string \"abc\"");
        assertRejected("crm.public.activities", edit(json("activities-snapshot-read.json"), "after", "questions_asked", "4.5"),
                "activities.questions_asked: expected integer (a 32-bit JSON integer), got number 4.5");
        assertRejected("crm.public.users", edit(json("users-delete.json"), "before", "active", "\"false\""),
                "users.active: expected boolean (true or false), got string \"false\"");
        assertRejected("crm.public.leads", edit(json("leads-create.json"), "after", "phone", "13800138000"),
                "leads.phone: expected text (a JSON string), got number 13800138000");
    }

    @Test
    void rejectsMissingOrNullNotNullColumns() {
        ObjectNode missing = json("leads-create.json");
        ((ObjectNode) missing.get("after")).remove("channel");

        assertRejected("crm.public.leads", missing, "leads.channel: NOT NULL column is missing in after");
        assertRejected("crm.public.leads", edit(json("leads-create.json"), "after", "status", "null"),
                "leads.status: NOT NULL column is null in after");
    }

    @Test
    void rejectsDecimalsThatDoNotReadOrDoNotFit() {
        assertRejected("crm.public.opportunities", edit(json("opportunities-update.json"), "after", "amount", "\"12,5\""),
                "opportunities.amount: unparseable decimal string \"12,5\"");
        assertRejected("crm.public.opportunities", edit(json("opportunities-update.json"), "after", "amount", "\"12.345\""),
                "opportunities.amount: 12.345 has more decimal places than numeric(14,2)");
        assertRejected("crm.public.opportunities",
                edit(json("opportunities-update.json"), "after", "amount", "\"1234567890123.45\""),
                "opportunities.amount: 1234567890123.45 does not fit numeric(14,2)");
    }

    @Test
    void rejectsTimestampsAndDatesThatDoNotRead() {
        assertRejected("crm.public.leads", edit(json("leads-create.json"), "after", "created_at", "\"yesterday\""),
                "leads.created_at: unparseable timestamp string \"yesterday\"");
        assertRejected("crm.public.leads", edit(json("leads-create.json"), "after", "updated_at", "1772415000123"),
                "leads.updated_at: timestamp as number 1772415000123 without a schema wrapper saying its unit");
        assertRejected("crm.public.opportunities",
                edit(json("opportunities-update.json"), "after", "expected_close_date", "\"15/04/2026\""),
                "opportunities.expected_close_date: unparseable date string \"15/04/2026\"");
    }

    @Test
    void rejectsUnknownOpsAndEventsMissingTheirRow() {
        ObjectNode unknownOp = json("leads-create.json").put("op", "x");
        ObjectNode createWithoutAfter = json("leads-create.json").putNull("after");
        ObjectNode deleteWithoutBefore = json("users-delete.json").putNull("before");
        ObjectNode withoutCommitTime = json("leads-create.json");
        ((ObjectNode) withoutCommitTime.get("source")).remove("ts_ms");

        assertRejected("crm.public.leads", unknownOp, "unknown op 'x' on crm.public.leads (expected c, u, d or r)");
        assertRejected("crm.public.leads", createWithoutAfter, "leads: op 'c' without after");
        assertRejected("crm.public.users", deleteWithoutBefore, "users: op 'd' without before");
        assertRejected("crm.public.leads", withoutCommitTime, "leads: no source.ts_ms");
    }

    @Test
    void rejectsMalformedJsonHeartbeatsAndTablesTheCrmDoesNotHave() {
        assertRejected(() -> parser.parse("crm.public.leads", null, "{\"op\":\"c\",".getBytes(StandardCharsets.UTF_8)),
                "malformed JSON in the value");
        assertRejected("crm.public.leads", json("heartbeat.json"), "heartbeat event: not a row change");
        assertRejected("crm.public.leads", edit(json("leads-create.json"), "source", "table", "\"prospects\""),
                "unknown table crm.public.prospects: not one of the CRM's tables (crm.public.<table>)");
        assertRejected("crm.public.leads", edit(json("leads-create.json"), "source", "name", "\"erp\""),
                "unknown table erp.public.leads");
    }

    private CrmChange parse(String topic, ObjectNode event) throws RejectedInput {
        return parser.parse(topic, null, bytes(event));
    }

    /** The event with one field of one block replaced by the given JSON text. */
    private static ObjectNode edit(ObjectNode event, String block, String field, String json) {
        ObjectNode target = (ObjectNode) (event.has("payload") ? event.get("payload") : event).get(block);
        try {
            target.set(field, ConnectJson.MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return event;
    }

    private void assertRejected(String topic, ObjectNode event, String reasonStart) {
        assertRejected(() -> parse(topic, event), reasonStart);
    }

    private static void assertRejected(ThrowingCallable parse, String reasonStart) {
        assertThatThrownBy(parse).isInstanceOf(RejectedInput.class).hasMessageStartingWith(reasonStart);
    }
}
