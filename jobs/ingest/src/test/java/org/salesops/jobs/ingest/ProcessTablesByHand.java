package org.salesops.jobs.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.iceberg.data.Record;
import org.salesops.pipelines.process.CommitmentLanguage;

/**
 * The sales-process gold tables recomputed by hand from the raw CRM change history
 * (raw.crm_activities, raw.crm_commitments, raw.crm_quotes, raw.crm_opportunities, raw.crm_leads,
 * raw.crm_status_change_requests), straight from
 * each table's definition in schemas/tables/gold — not from the operators. The pipeline's tables
 * are read when the whole bounded input is in and its final watermark has passed every deadline, so
 * the hand computation evaluates "now" as after every deadline too. Each row is rendered as one
 * string of its columns, so a test compares the two sets exactly; {@link #render} renders the
 * pipeline's rows the same way.
 */
final class ProcessTablesByHand {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Duration DISCOVERY_LATENESS = Duration.ofHours(48);
    private static final Duration REGISTRATION_WINDOW = Duration.ofHours(24);
    private static final Duration FEEDBACK_WINDOW = Duration.ofHours(24);
    private static final List<String> FUNNEL = List.of("qualification", "needs_analysis", "solution", "quote",
            "negotiation", "contract", "won");
    private static final Set<String> NEEDING_FEEDBACK = Set.of("negotiation", "contract", "won");
    private static final Set<String> APPROVAL_STATUSES = Set.of("invalid", "lost");
    private static final Duration APPROVAL_WINDOW = Duration.ofHours(24);

    /** table -> entity id -> its changes in commit order, re-deliveries (same commit and LSN) dropped. */
    private final Map<String, Map<Long, List<Record>>> history = new HashMap<>();

    ProcessTablesByHand(TempWarehouse warehouse) throws Exception {
        for (String table : List.of("activities", "commitments", "quotes", "opportunities", "leads", "status_change_requests")) {
            Map<Long, List<Record>> byId = new HashMap<>();
            for (Record r : warehouse.read("raw.crm_" + table)) {
                if (!"tombstone".equals(r.getField("_op"))) {
                    byId.computeIfAbsent((Long) r.getField("id"), k -> new ArrayList<>()).add(r);
                }
            }
            byId.replaceAll((id, changes) -> inCommitOrder(changes));
            history.put(table, byId);
        }
    }

    private static List<Record> inCommitOrder(List<Record> changes) {
        Map<List<Long>, Record> byVersion = new TreeMap<>(Comparator.<List<Long>, Long>comparing(v -> v.get(0))
                .thenComparing(v -> v.get(1)));
        changes.stream().sorted(Comparator.comparing(r -> (Long) r.getField("_source_offset")))
                .forEach(r -> byVersion.putIfAbsent(List.of(millis(r, "_committed_at"), lsn(r)), r));
        return new ArrayList<>(byVersion.values());
    }

    // ---------------------------------------------------------------- gold.follow_up_discovery

    /** One row per follow-up: its last change (a delete carries the row as it was). */
    Set<String> followUpDiscovery() {
        Set<String> rows = new LinkedHashSet<>();
        for (List<Record> changes : history.get("activities").values()) {
            Record last = lastUsableFollowUp(changes);
            if (last != null) {
                rows.add(followUpRow(last));
            }
        }
        return rows;
    }

    private static String followUpRow(Record r) {
        List<String> discoveries = discoveries(r);
        return row(r.getField("id"), r.getField("owner_id"), r.getField("lead_id"), r.getField("opportunity_id"),
                r.getField("customer_id"), r.getField("type"), at(r, "occurred_at"), day(millis(r, "occurred_at")),
                r.getField("questions_asked"), discoveries.size(), discoveries, present(r, "evidence_quote"),
                "d".equals(r.getField("_op")));
    }

    private static Record lastUsableFollowUp(List<Record> changes) {
        Record last = null;
        for (Record r : changes) {
            if (r.getField("owner_id") != null && r.getField("occurred_at") != null) {
                last = r;
            }
        }
        return last;
    }

    private static List<String> discoveries(Record r) {
        String text = (String) r.getField("discoveries");
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        if (text != null) {
            for (String code : text.split(";")) {
                if (!code.isBlank()) {
                    codes.add(code.trim());
                }
            }
        }
        return List.copyOf(codes);
    }

    // ---------------------------------------------------------------- gold.discovery_daily

    /**
     * One row per rep and day that ever had a follow-up counted: of each follow-up, the last change
     * committed before the day's end + 48 h counts, for the rep and day it names; a deletion or a move
     * to another rep or day takes it out. A day whose follow-ups all went stays with zero.
     */
    Set<String> discoveryDaily() {
        record RepDay(long rep, LocalDate day) {
        }
        // Per rep and day, each follow-up's last counted change there; null when its last one took it away.
        Map<RepDay, Map<Long, Record>> counted = new HashMap<>();
        for (List<Record> changes : history.get("activities").values()) {
            RepDay before = null;
            for (Record r : changes) {
                if (r.getField("owner_id") == null || r.getField("occurred_at") == null) {
                    continue;
                }
                Long id = (Long) r.getField("id");
                long committed = millis(r, "_committed_at");
                RepDay here = new RepDay((Long) r.getField("owner_id"), day(millis(r, "occurred_at")));
                if (before != null && !before.equals(here) && committed < correctableUntil(before.day())) {
                    counted.computeIfAbsent(before, k -> new HashMap<>()).put(id, null);
                }
                if (committed < correctableUntil(here.day()) || "r".equals(r.getField("_op"))) {
                    counted.computeIfAbsent(here, k -> new HashMap<>()).put(id, "d".equals(r.getField("_op")) ? null : r);
                }
                before = "d".equals(r.getField("_op")) ? null : here;
            }
        }
        Set<String> rows = new LinkedHashSet<>();
        counted.forEach((rd, followUpsThere) -> {
            long followUps = 0;
            long withCount = 0;
            long questions = 0;
            long discoveries = 0;
            long withDiscoveries = 0;
            long withEvidence = 0;
            for (Record r : followUpsThere.values()) {
                if (r == null) {
                    continue;
                }
                followUps++;
                Integer asked = (Integer) r.getField("questions_asked");
                if (asked != null) {
                    withCount++;
                    questions += asked;
                }
                int found = discoveries(r).size();
                discoveries += found;
                if (found > 0) {
                    withDiscoveries++;
                    withEvidence += present(r, "evidence_quote") ? 1 : 0;
                }
            }
            rows.add(row(rd.rep(), rd.day(), followUps, withCount, questions,
                    withCount == 0 ? null : (double) questions / withCount, discoveries,
                    followUps == 0 ? null : (double) discoveries / followUps, withDiscoveries,
                    withDiscoveries == 0 ? null : (double) withEvidence / withDiscoveries));
        });
        return rows;
    }

    /** A day's aggregate takes changes committed until 48 h after the day ends. */
    private static long correctableUntil(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZONE).toInstant().toEpochMilli() + DISCOVERY_LATENESS.toMillis();
    }

    // ---------------------------------------------------------------- gold.commitments

    /**
     * One row per registered commitment as its last change leaves it. Fulfilled without a fulfilled_at
     * counts from the commit that set it fulfilled (the first of the last run of fulfilled changes);
     * an open one is overdue once due_at passed, which it has when the input is over.
     */
    Set<String> commitments() {
        Set<String> rows = new LinkedHashSet<>();
        for (List<Record> changes : history.get("commitments").values()) {
            Record last = null;
            Long fulfilledKnownAt = null;
            for (Record r : changes) {
                if (r.getField("customer_id") == null || r.getField("owner_id") == null || r.getField("due_at") == null
                        || r.getField("created_at") == null || r.getField("status") == null) {
                    continue;
                }
                if (!"fulfilled".equals(r.getField("status"))) {
                    fulfilledKnownAt = null;
                } else if (fulfilledKnownAt == null) {
                    fulfilledKnownAt = millis(r, "_committed_at");
                }
                last = r;
            }
            if (last == null) {
                continue;
            }
            long due = millis(last, "due_at");
            Long fulfilledAt = last.getField("fulfilled_at") == null ? fulfilledKnownAt : Long.valueOf(millis(last, "fulfilled_at"));
            String outcome = switch ((String) last.getField("status")) {
                case "fulfilled" -> fulfilledAt <= due ? "fulfilled_on_time" : "fulfilled_late";
                case "cancelled" -> "cancelled";
                default -> "overdue_open";
            };
            rows.add(row(last.getField("id"), last.getField("code"), last.getField("owner_id"), last.getField("customer_id"),
                    last.getField("opportunity_id"), last.getField("content"), at(last, "created_at"), at(last, "due_at"),
                    last.getField("status"), at(last, "fulfilled_at"), outcome, present(last, "evidence_ref"),
                    "d".equals(last.getField("_op"))));
        }
        return rows;
    }

    // ---------------------------------------------------------------- gold.unregistered_commitments

    /**
     * The follow-ups that count as unregistered promises: the last change leaves the follow-up in place
     * with a customer and promising words in its notes (the configured phrase rules), and no commitment
     * still in the register for that customer was created from the start of the follow-up's day to 24 h
     * after it happened. (Withdrawn rows say a promise once counted and no longer does; they do not count.)
     */
    Set<String> unregisteredCommitments() {
        CommitmentLanguage language = CommitmentLanguage.load();
        Map<Long, List<Long>> registeredAt = new HashMap<>();
        for (List<Record> changes : history.get("commitments").values()) {
            Record last = changes.get(changes.size() - 1);
            if (!"d".equals(last.getField("_op")) && last.getField("customer_id") != null && last.getField("created_at") != null) {
                registeredAt.computeIfAbsent((Long) last.getField("customer_id"), k -> new ArrayList<>())
                        .add(millis(last, "created_at"));
            }
        }
        Set<String> rows = new LinkedHashSet<>();
        for (List<Record> changes : history.get("activities").values()) {
            Record last = changes.get(changes.size() - 1);
            if ("d".equals(last.getField("_op")) || last.getField("customer_id") == null
                    || last.getField("owner_id") == null || last.getField("occurred_at") == null) {
                continue;
            }
            Optional<String> phrase = language.find((String) last.getField("notes"));
            if (phrase.isEmpty()) {
                continue;
            }
            long occurred = millis(last, "occurred_at");
            long from = day(occurred).atStartOfDay(ZONE).toInstant().toEpochMilli();
            long deadline = occurred + REGISTRATION_WINDOW.toMillis();
            boolean registered = registeredAt.getOrDefault((Long) last.getField("customer_id"), List.of()).stream()
                    .anyMatch(created -> created >= from && created <= deadline);
            if (!registered) {
                rows.add(row(last.getField("id"), last.getField("customer_id"), last.getField("owner_id"),
                        last.getField("lead_id"), last.getField("opportunity_id"), at(last, "occurred_at"), phrase.get(),
                        Instant.ofEpochMilli(deadline), "unregistered"));
            }
        }
        return rows;
    }

    // ---------------------------------------------------------------- gold.quote_feedback

    /**
     * One row per quote whose last change has it sent (not deleted, sent_at set): its feedback (feedback_at,
     * or the commit that first recorded the current feedback type), whether that came within 24 h (false when
     * none came: every deadline has passed), and the first forward move of its opportunity into negotiation,
     * contract or won (by commit time) after sending and before the feedback.
     */
    Set<String> quoteFeedback() {
        Map<Long, List<long[]>> advances = new HashMap<>(); // opportunity -> {at, stage index}
        for (List<Record> changes : history.get("opportunities").values()) {
            for (int i = 1; i < changes.size(); i++) {
                Record before = changes.get(i - 1);
                Record after = changes.get(i);
                String from = (String) before.getField("stage");
                String to = (String) after.getField("stage");
                if ("u".equals(after.getField("_op")) && from != null && NEEDING_FEEDBACK.contains(to)
                        && FUNNEL.indexOf(to) > FUNNEL.indexOf(from)) {
                    advances.computeIfAbsent((Long) after.getField("id"), k -> new ArrayList<>())
                            .add(new long[] {millis(after, "_committed_at"), FUNNEL.indexOf(to)});
                }
            }
        }
        Set<String> rows = new LinkedHashSet<>();
        for (List<Record> changes : history.get("quotes").values()) {
            Record last = null;
            Long feedbackKnownAt = null;
            for (Record r : changes) {
                if (r.getField("opportunity_id") == null || r.getField("owner_id") == null) {
                    continue;
                }
                if (r.getField("feedback_type") == null) {
                    feedbackKnownAt = null;
                } else if (feedbackKnownAt == null) {
                    feedbackKnownAt = millis(r, "_committed_at");
                }
                last = r;
            }
            if (last == null || "d".equals(last.getField("_op")) || last.getField("sent_at") == null) {
                continue;
            }
            long sent = millis(last, "sent_at");
            Long feedbackAt = last.getField("feedback_at") != null ? Long.valueOf(millis(last, "feedback_at"))
                    : last.getField("feedback_type") != null ? feedbackKnownAt : null;
            boolean inTime = feedbackAt != null && feedbackAt <= sent + FEEDBACK_WINDOW.toMillis();
            long[] breach = advances.getOrDefault((Long) last.getField("opportunity_id"), List.of()).stream()
                    .filter(a -> a[0] > sent && (feedbackAt == null || a[0] < feedbackAt))
                    .min(Comparator.comparingLong(a -> a[0])).orElse(null);
            rows.add(row(last.getField("id"), last.getField("opportunity_id"), last.getField("owner_id"),
                    Instant.ofEpochMilli(sent), last.getField("feedback_type"),
                    feedbackAt == null ? null : Instant.ofEpochMilli(feedbackAt),
                    feedbackAt == null ? null : (feedbackAt - sent) / 3_600_000.0, inTime,
                    breach == null ? null : Instant.ofEpochMilli(breach[0]), breach == null ? null : FUNNEL.get((int) breach[1]),
                    breach != null, false));
        }
        return rows;
    }

    /** The ids of quotes whose last change took them back: deleted, or no longer sent. */
    Set<Long> quotesTakenBack() {
        Set<Long> ids = new LinkedHashSet<>();
        history.get("quotes").forEach((id, changes) -> {
            Record last = changes.get(changes.size() - 1);
            if ("d".equals(last.getField("_op")) || last.getField("sent_at") == null) {
                ids.add(id);
            }
        });
        return ids;
    }

    // ---------------------------------------------------------------- gold.integrity_anomalies: unapproved_status_change

    /**
     * Each time a lead was set (created or updated) to invalid or lost, at its updated_at, with no
     * status_change_requests row for the lead and that status approved within 24 h before or after:
     * lead, status set, when, and the lead's owner after the change.
     */
    Set<String> unapprovedStatusChanges() {
        Map<Long, List<Record>> approvals = new HashMap<>();
        for (List<Record> changes : history.get("status_change_requests").values()) {
            Record last = changes.get(changes.size() - 1);
            if (!"d".equals(last.getField("_op")) && "approved".equals(last.getField("decision"))
                    && last.getField("decided_at") != null) {
                approvals.computeIfAbsent((Long) last.getField("lead_id"), k -> new ArrayList<>()).add(last);
            }
        }
        Set<String> rows = new LinkedHashSet<>();
        for (List<Record> changes : history.get("leads").values()) {
            String status = null;
            for (Record r : changes) {
                String op = (String) r.getField("_op");
                String now = (String) r.getField("status");
                boolean set = ("c".equals(op) || "u".equals(op)) && now != null && !now.equals(status);
                status = "d".equals(op) ? null : now;
                if (!set || !APPROVAL_STATUSES.contains(now)) {
                    continue;
                }
                long at = r.getField("updated_at") != null ? millis(r, "updated_at") : millis(r, "_committed_at");
                boolean approved = approvals.getOrDefault((Long) r.getField("id"), List.of()).stream()
                        .anyMatch(a -> now.equals(a.getField("to_status"))
                                && Math.abs(millis(a, "decided_at") - at) <= APPROVAL_WINDOW.toMillis());
                if (!approved) {
                    rows.add(row(r.getField("id"), now, Instant.ofEpochMilli(at), r.getField("owner_id")));
                }
            }
        }
        return rows;
    }

    // ---------------------------------------------------------------- rendering

    /** A pipeline row rendered like the hand-computed ones: the given columns in order. */
    static String render(Record r, String... columns) {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            Object v = r.getField(columns[i]);
            values[i] = v instanceof OffsetDateTime t ? t.toInstant() : v;
        }
        return row(values);
    }

    private static String row(Object... values) {
        List<String> cells = new ArrayList<>();
        for (Object v : values) {
            cells.add(v instanceof Double d ? String.format("%.9f", d)
                    : v instanceof Integer i ? Long.toString(i)
                    : v instanceof List<?> list ? list.stream().map(Objects::toString).collect(Collectors.joining(";", "[", "]"))
                    : String.valueOf(v));
        }
        return String.join(" | ", cells);
    }

    private static long millis(Record r, String column) {
        return ((OffsetDateTime) r.getField(column)).toInstant().toEpochMilli();
    }

    private static Instant at(Record r, String column) {
        Object v = r.getField(column);
        return v == null ? null : ((OffsetDateTime) v).toInstant();
    }

    private static long lsn(Record r) {
        Object v = r.getField("_lsn");
        return v == null ? -1 : (Long) v;
    }

    private static boolean present(Record r, String column) {
        Object v = r.getField(column);
        return v != null && !v.toString().isBlank();
    }

    private static LocalDate day(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZONE).toLocalDate();
    }
}
