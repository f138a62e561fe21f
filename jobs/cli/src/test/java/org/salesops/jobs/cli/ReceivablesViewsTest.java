package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.jobs.cli.ViewRows.key;
import static org.salesops.jobs.cli.ViewRows.values;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salesops.jobs.cli.ViewRows.Row;

/**
 * The receivables views (gold.receivable_paths, gold.receivables_aging, gold.collections_monthly,
 * gold.finance_exception_queue), each recomputed by hand. A test reads what the view reads (the gold tables of
 * payment matching, the crm.* current-state views, the raw change history) with plain SELECTs, computes the
 * view's rows from its definition (its header comment) in Java, and requires the view to hold exactly those rows:
 * every key, every column, doubles to a relative 1e-9, decimals exactly.
 */
class ReceivablesViewsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> STEPS = List.of("contract_archived", "invoice_sent", "customer_signed", "finance_booked");
    private static final Map<String, String> STEP_LABELS = Map.of(
            "contract_archived", "1 合同归档 contract archived", "invoice_sent", "2 发票寄出 invoice sent",
            "customer_signed", "3 客户签收 customer signed", "finance_booked", "4 财务入账 finance booked");
    private static final long HOUR_MS = 3_600_000L;
    private static final long DAY_MS = 86_400_000L;

    private static Connection trino;

    @BeforeAll
    static void theSmallCompanyIsOnTheStack() throws Exception {
        trino = CompanyOnTheStack.get().trino;
    }

    /**
     * Where the data ends ("now" of every view here): the latest CDC commit on contracts, invoices or receivable
     * steps (tombstones are no commits), or the latest booked bank transaction.
     */
    private static Instant dataEnd() throws SQLException {
        List<Instant> ends = new ArrayList<>();
        for (String table : List.of("raw.crm_contracts", "raw.crm_invoices", "raw.crm_receivable_steps")) {
            for (Row r : rows("SELECT _op, _committed_at FROM " + table)) {
                if (!r.str("_op").equals("tombstone")) {
                    ends.add(r.at("_committed_at"));
                }
            }
        }
        for (Row r : rows("SELECT status, booked_at FROM raw.bank_transactions")) {
            if ("BOOK".equals(r.str("status")) && r.at("booked_at") != null) {
                ends.add(r.at("booked_at"));
            }
        }
        return ends.stream().max(Comparator.naturalOrder()).orElseThrow();
    }

    // ---------------------------------------------------------------- gold.receivable_paths

    @Test
    void receivablePathIsEachContractsStepsWithEvidenceAndHoursTheStepItWaitsAtAndItsPaymentPathWithin24Hours()
            throws Exception {
        Instant asOf = dataEnd();
        Map<Long, Row> customers = byId("SELECT id, name FROM crm.customers");
        Map<Long, Row> users = byId("SELECT id, name, team_id FROM crm.users");
        Map<Long, List<Row>> stepsOf = new HashMap<>();
        for (Row s : rows("SELECT id, contract_id, step, completed_at, evidence_ref FROM crm.receivable_steps")) {
            stepsOf.computeIfAbsent(s.lng("contract_id"), k -> new ArrayList<>()).add(s);
        }
        Map<Long, String> alertOfStepRow = new HashMap<>(); // the open or escalated receivable_step_dwell alert
        for (Row a : rows("SELECT rule, subject_type, subject_id, status FROM gold.alerts")) {
            if (a.str("rule").equals("receivable_step_dwell") && a.str("subject_type").equals("receivable_step")
                    && Set.of("open", "escalated").contains(a.str("status"))) {
                alertOfStepRow.merge(a.lng("subject_id"), a.str("status"),
                        (x, y) -> x.equals("escalated") || y.equals("escalated") ? "escalated" : "open");
            }
        }
        Map<Long, List<Row>> versionsOf = new HashMap<>();
        for (Row v : rows("SELECT id, _op, _committed_at, updated_at, finance_contact_name, finance_contact_phone, "
                + "finance_contact_email, expected_payment_date, payment_obstacles FROM raw.crm_contracts")) {
            if (Set.of("c", "u", "r").contains(v.str("_op"))) {
                versionsOf.computeIfAbsent(v.lng("id"), k -> new ArrayList<>()).add(v);
            }
        }

        Map<List<Object>, List<Object>> expected = new HashMap<>();
        Map<String, Integer> pathSeen = new TreeMap<>();
        int stuck = 0;
        for (Row k : rows("SELECT id, contract_no, customer_id, owner_id, status, amount, currency, signed_at FROM crm.contracts")) {
            long id = k.lng("id");
            Instant signedAt = k.at("signed_at");
            Map<String, Instant> doneAt = new HashMap<>();
            Map<String, Boolean> evidence = new HashMap<>();
            for (String step : STEPS) {
                evidence.put(step, false);
            }
            for (Row s : stepsOf.getOrDefault(id, List.of())) {
                String step = s.str("step");
                if (s.at("completed_at") != null) {
                    doneAt.merge(step, s.at("completed_at"), (x, y) -> x.isBefore(y) ? x : y);
                }
                if (notBlank(s.str("evidence_ref"))) {
                    evidence.put(step, true);
                }
            }
            List<Object> stepColumns = new ArrayList<>();
            long completed = 0;
            long withoutEvidence = 0;
            Instant previous = signedAt;
            for (String step : STEPS) {
                Instant at = doneAt.get(step);
                stepColumns.addAll(Arrays.asList(at, evidence.get(step)));
                stepColumns.add(at == null || previous == null ? null : hours(previous, at));
                completed += at == null ? 0 : 1;
                withoutEvidence += at != null && !evidence.get(step) ? 1 : 0;
                previous = at;
            }

            // The first step not completed waits (a completed or terminated contract waits for nothing), since the
            // previous step's completion or the signing.
            String waiting = null;
            Instant since = null;
            if (!Set.of("completed", "terminated").contains(k.str("status"))) {
                Instant before = signedAt;
                for (String step : STEPS) {
                    if (!doneAt.containsKey(step)) {
                        waiting = step;
                        since = before;
                        break;
                    }
                    before = doneAt.get(step);
                }
            }
            Double waitingHours = since == null ? null : hours(since, asOf);
            Double waitingDays = since == null ? null : (asOf.toEpochMilli() - since.toEpochMilli()) / (double) DAY_MS;
            boolean isStuck = waiting != null && since != null && asOf.toEpochMilli() - since.toEpochMilli() > 48 * HOUR_MS;
            stuck += isStuck ? 1 : 0;
            String alert = null;
            if (waiting != null) {
                for (Row s : stepsOf.getOrDefault(id, List.of())) {
                    String status = s.str("step").equals(waiting) ? alertOfStepRow.get(s.lng("id")) : null;
                    if (status != null) {
                        alert = "escalated".equals(alert) || status.equals("escalated") ? "escalated" : "open";
                    }
                }
            }

            Instant due = signedAt.plus(Duration.ofHours(24));
            List<Row> versions = versionsOf.getOrDefault(id, List.of());
            Filled contact = Filled.first(versions, v -> notBlank(v.str("finance_contact_name"))
                    && (notBlank(v.str("finance_contact_phone")) || notBlank(v.str("finance_contact_email"))));
            Filled expectedDate = Filled.first(versions, v -> v.get("expected_payment_date") != null);
            Filled obstacles = Filled.first(versions, v -> notBlank(v.str("payment_obstacles")));
            Boolean contactInTime = contact.inTime(due, asOf);
            Boolean dateInTime = expectedDate.inTime(due, asOf);
            Boolean obstaclesInTime = obstacles.inTime(due, asOf);
            Boolean pathInTime = and(and(contactInTime, dateInTime), obstaclesInTime);
            pathSeen.merge(String.valueOf(pathInTime), 1, Integer::sum);

            Row customer = customers.get(k.lng("customer_id"));
            Row owner = users.get(k.lng("owner_id"));
            List<Object> v = new ArrayList<>(List.of(k.str("contract_no"), k.lng("customer_id")));
            v.add(customer == null ? null : customer.str("name"));
            v.add(k.lng("owner_id"));
            v.add(owner == null ? null : owner.str("name"));
            v.add(owner == null ? null : owner.lng("team_id"));
            v.addAll(Arrays.asList(k.str("status"), k.dec("amount"), k.str("currency"), signedAt));
            v.addAll(stepColumns);
            v.addAll(List.of(completed, withoutEvidence));
            v.addAll(Arrays.asList(waiting, waiting == null ? null : STEP_LABELS.get(waiting), since, waitingHours, waitingDays,
                    isStuck, alert, due, contact.at, expectedDate.at, obstacles.at, contactInTime, dateInTime,
                    obstaclesInTime, pathInTime, asOf));
            expected.put(key(id), values(v.toArray()));
        }

        System.out.println("ReceivablesViewsTest: receivable_paths " + expected.size() + " contracts, " + stuck
                + " stuck, payment path within 24 h " + pathSeen + ", as of " + asOf);
        assertThat(pathSeen).as("contracts whose payment path was filled in time and late").containsKeys("true", "false");
        assertViewHoldsExactly("gold.receivable_paths", List.of("contract_id"),
                List.of("contract_no", "customer_id", "customer_name", "owner_id", "owner_name", "team_id", "contract_status",
                        "amount", "currency", "signed_at",
                        "contract_archived_at", "contract_archived_evidence", "contract_archived_hours",
                        "invoice_sent_at", "invoice_sent_evidence", "invoice_sent_hours",
                        "customer_signed_at", "customer_signed_evidence", "customer_signed_hours",
                        "finance_booked_at", "finance_booked_evidence", "finance_booked_hours",
                        "steps_completed", "steps_without_evidence", "waiting_step", "waiting_step_label", "waiting_since",
                        "waiting_hours", "waiting_days", "stuck", "waiting_alert_status", "payment_path_due_at",
                        "finance_contact_filled_at", "expected_payment_date_filled_at", "payment_obstacles_filled_at",
                        "finance_contact_within_24h", "expected_payment_date_within_24h", "payment_obstacles_within_24h",
                        "payment_path_within_24h", "as_of"),
                expected);
    }

    /**
     * When a payment-path field was first filled: the earliest version of the contract row (create, update or
     * snapshot read) in which it is, stamped with its commit time — a snapshot read with its updated_at, as the row
     * had been as read since then at the latest.
     */
    private record Filled(Instant at, boolean fromSnapshot) {

        static Filled first(List<Row> versions, Predicate<Row> filled) {
            Instant first = null;
            boolean snapshot = false;
            for (Row v : versions) {
                if (!filled.test(v)) {
                    continue;
                }
                boolean read = v.str("_op").equals("r");
                Instant known = read && v.at("updated_at").isBefore(v.at("_committed_at")) ? v.at("updated_at") : v.at("_committed_at");
                if (first == null || known.isBefore(first)) {
                    first = known;
                    snapshot = read;
                }
            }
            return new Filled(first, snapshot);
        }

        /** In time, late, or not known: still before the deadline, or first seen in the snapshot after it. */
        Boolean inTime(Instant due, Instant asOf) {
            if (at != null && !at.isAfter(due)) {
                return true;
            }
            if (at != null && fromSnapshot) {
                return null;
            }
            if (at == null && asOf.isBefore(due)) {
                return null;
            }
            return false;
        }
    }

    /** SQL's AND of three-valued logic: false wins, then unknown. */
    private static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return false;
        }
        return a == null || b == null ? null : true;
    }

    // ---------------------------------------------------------------- gold.receivables_aging

    @Test
    void receivablesAgingIsEveryOpenIssuedInvoiceWithItsDaysPastDueAtTheEndOfTheDataAndItsBucket() throws Exception {
        Instant asOf = dataEnd();
        LocalDate asOfDay = day(asOf);
        Map<Long, Row> invoices = byId("SELECT id, status, issued_at, due_date FROM crm.invoices");
        Map<Long, Row> contracts = byId("SELECT id, contract_no, owner_id FROM crm.contracts");
        Map<Long, Row> customers = byId("SELECT id, name FROM crm.customers");
        Map<Long, Row> users = byId("SELECT id, name, team_id FROM crm.users");

        Map<List<Object>, List<Object>> expected = new HashMap<>();
        Map<String, Integer> buckets = new TreeMap<>();
        for (Row b : rows("SELECT invoice_id, invoice_no, contract_id, customer_id, currency, amount, applied_amount, "
                + "open_amount, status, payments, last_payment_at FROM gold.invoice_balances")) {
            Row invoice = invoices.get(b.lng("invoice_id"));
            if (invoice == null || !invoice.str("status").equals("issued")
                    || !Set.of("open", "partially_paid").contains(b.str("status")) || b.dec("open_amount").signum() <= 0) {
                continue;
            }
            LocalDate dueOn = invoice.date("due_date") != null ? invoice.date("due_date")
                    : invoice.at("issued_at") == null ? null : day(invoice.at("issued_at"));
            long daysPastDue = dueOn == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(dueOn, asOfDay));
            String bucket = daysPastDue == 0 ? "1 未到期 not due"
                    : daysPastDue <= 30 ? "2 逾期1-30天 1-30 days"
                    : daysPastDue <= 60 ? "3 逾期31-60天 31-60 days"
                    : daysPastDue <= 90 ? "4 逾期61-90天 61-90 days"
                    : "5 逾期90天以上 over 90 days";
            buckets.merge(bucket, 1, Integer::sum);
            Row contract = contracts.get(b.lng("contract_id"));
            Long ownerId = contract == null ? null : contract.lng("owner_id");
            Row owner = ownerId == null ? null : users.get(ownerId);
            Row customer = customers.get(b.lng("customer_id"));
            expected.put(key(b.lng("invoice_id")), values(b.str("invoice_no"), b.lng("contract_id"),
                    contract == null ? null : contract.str("contract_no"), b.lng("customer_id"),
                    customer == null ? null : customer.str("name"), ownerId, owner == null ? null : owner.str("name"),
                    owner == null ? null : owner.lng("team_id"), b.str("currency"), b.dec("amount"), b.dec("applied_amount"),
                    b.dec("open_amount"), b.str("status"), b.lng("payments"), invoice.at("issued_at"), invoice.date("due_date"),
                    b.at("last_payment_at"), daysPastDue, bucket, asOf, asOfDay));
        }

        System.out.println("ReceivablesViewsTest: receivables_aging " + expected.size() + " open invoices by bucket " + buckets);
        assertViewHoldsExactly("gold.receivables_aging", List.of("invoice_id"),
                List.of("invoice_no", "contract_id", "contract_no", "customer_id", "customer_name", "owner_id", "owner_name",
                        "team_id", "currency", "amount", "applied_amount", "open_amount", "balance_status", "payments",
                        "issued_at", "due_date", "last_payment_at", "days_past_due", "aging_bucket", "as_of", "as_of_day"),
                expected);
    }

    // ---------------------------------------------------------------- gold.collections_monthly

    @Test
    void collectionsMonthlyIsContractedInvoicedCollectedReceivablesDsoTheShareCollectedWithin30DaysAndTheCollectionCyclePerMonth()
            throws Exception {
        Instant asOf = dataEnd();
        List<Row> contracts = rows("SELECT id, amount, signed_at FROM crm.contracts");
        List<Row> invoices = rows("SELECT id, amount, status, issued_at FROM crm.invoices").stream()
                .filter(i -> i.str("status").equals("issued") && i.at("issued_at") != null).toList();
        List<Row> allocations = rows("SELECT account_id, transaction_key, invoice_id, contract_id, amount, booked_at "
                + "FROM gold.payment_allocations");
        Map<Long, Instant> signedAtOf = new HashMap<>();
        contracts.stream().filter(c -> c.at("signed_at") != null).forEach(c -> signedAtOf.put(c.lng("id"), c.at("signed_at")));
        // The payments: each credit and contract it settles something of, once however many invoices it covers.
        Map<List<Object>, Instant> payments = new HashMap<>();
        allocations.stream().filter(a -> a.dec("amount").signum() > 0 && signedAtOf.containsKey(a.lng("contract_id")))
                .forEach(a -> payments.put(List.of(a.str("account_id"), a.str("transaction_key"), a.lng("contract_id")),
                        a.at("booked_at")));

        List<LocalDate> firstMonths = new ArrayList<>();
        contracts.forEach(c -> firstMonths.add(month(c.at("signed_at"))));
        invoices.forEach(i -> firstMonths.add(month(i.at("issued_at"))));
        allocations.forEach(a -> firstMonths.add(month(a.at("booked_at"))));
        YearMonth first = YearMonth.from(firstMonths.stream().min(Comparator.naturalOrder()).orElseThrow());
        YearMonth last = YearMonth.from(month(asOf));

        Map<List<Object>, List<Object>> expected = new HashMap<>();
        for (YearMonth ym = first; !ym.isAfter(last); ym = ym.plusMonths(1)) {
            LocalDate m = ym.atDay(1);
            Instant nextStart = ym.plusMonths(1).atDay(1).atStartOfDay(SHANGHAI).toInstant();
            Instant monthEnd = nextStart.isBefore(asOf) ? nextStart : asOf;

            List<Row> signed = contracts.stream().filter(c -> month(c.at("signed_at")).equals(m)).toList();
            BigDecimal contracted = sum(signed.stream().map(c -> c.dec("amount")).toList());
            BigDecimal invoiced = sum(invoices.stream().filter(i -> month(i.at("issued_at")).equals(m)).map(i -> i.dec("amount")).toList());
            BigDecimal collected = sum(allocations.stream().filter(a -> month(a.at("booked_at")).equals(m)).map(a -> a.dec("amount")).toList());

            // What the invoices issued before the month's end still owed then: their amounts, less what credits booked
            // before it settle on them.
            BigDecimal receivables = BigDecimal.ZERO;
            BigDecimal invoicedLast90 = null;
            for (Row i : invoices) {
                if (!i.at("issued_at").isBefore(nextStart)) {
                    continue;
                }
                BigDecimal paid = sum(allocations.stream().filter(a -> a.lng("invoice_id").equals(i.lng("id"))
                        && a.at("booked_at").isBefore(nextStart)).map(a -> a.dec("amount")).toList());
                receivables = receivables.add(i.dec("amount")).subtract(paid);
                if (!i.at("issued_at").isBefore(monthEnd.minus(Duration.ofDays(90)))) {
                    invoicedLast90 = invoicedLast90 == null ? i.dec("amount") : invoicedLast90.add(i.dec("amount"));
                }
            }
            Double dso = invoicedLast90 == null || invoicedLast90.signum() == 0 ? null
                    : receivables.doubleValue() / invoicedLast90.doubleValue() * 90;

            BigDecimal early = BigDecimal.ZERO;
            Instant lastSigned = null;
            for (Row c : signed) {
                Instant windowEnd = c.at("signed_at").plus(Duration.ofDays(30));
                early = early.add(sum(allocations.stream().filter(a -> a.lng("contract_id").equals(c.lng("id"))
                        && !a.at("booked_at").isAfter(windowEnd)).map(a -> a.dec("amount")).toList()));
                lastSigned = lastSigned == null || c.at("signed_at").isAfter(lastSigned) ? c.at("signed_at") : lastSigned;
            }
            Double share = signed.isEmpty() || contracted.signum() == 0 ? null : early.doubleValue() / contracted.doubleValue();
            boolean windowClosed = lastSigned == null || !lastSigned.plus(Duration.ofDays(30)).isAfter(asOf);

            // Collection cycle: the days from the contract's signing to each payment booked in the month (0 for one
            // before signing), their exact median.
            List<Double> cycles = payments.entrySet().stream().filter(p -> month(p.getValue()).equals(m))
                    .map(p -> Math.max(0, p.getValue().toEpochMilli() - signedAtOf.get((Long) p.getKey().get(2)).toEpochMilli())
                            / (double) DAY_MS)
                    .sorted().toList();
            Double medianCycle = cycles.isEmpty() ? null
                    : (cycles.get((cycles.size() + 1) / 2 - 1) + cycles.get(cycles.size() / 2)) / 2;

            expected.put(key(m), values(monthEnd, (long) signed.size(), contracted, invoiced, collected,
                    receivables, invoicedLast90 == null ? BigDecimal.ZERO : invoicedLast90,
                    dso, early, share, windowClosed, (long) cycles.size(), medianCycle));
        }

        expected.entrySet().stream().sorted(Comparator.comparing(e -> e.getKey().get(0).toString()))
                .forEach(e -> System.out.println("ReceivablesViewsTest: collections_monthly " + e.getKey() + " " + e.getValue()));
        assertThat(expected.values()).as("a month with money collected, a DSO and a collection cycle")
                .anyMatch(v -> ((BigDecimal) v.get(4)).signum() > 0 && v.get(7) != null && v.get(12) != null);
        assertViewHoldsExactly("gold.collections_monthly", List.of("month"),
                List.of("month_end", "contracts_signed", "contracted", "invoiced", "collected", "receivables_at_month_end",
                        "invoiced_last_90_days", "dso_days", "collected_within_30_days", "collected_within_30_days_share",
                        "window_30_days_closed", "collection_cycle_payments", "collection_cycle_median_days"),
                expected);
    }

    // ---------------------------------------------------------------- gold.finance_exception_queue

    @Test
    void exceptionQueueIsEveryPositiveCreditLeftSuggestedOrUnmatchedWithItsAgeSuggestionsAndExplanation() throws Exception {
        Instant asOf = dataEnd();
        Map<Long, Row> customers = byId("SELECT id, name FROM crm.customers");
        Map<Long, BigDecimal> openOf = new HashMap<>();
        for (Row b : rows("SELECT invoice_id, open_amount FROM gold.invoice_balances")) {
            assertThat(openOf.put(b.lng("invoice_id"), b.dec("open_amount"))).as("one balance per invoice").isNull();
        }

        Map<List<Object>, List<Object>> expected = new HashMap<>();
        Map<String, Integer> statuses = new TreeMap<>();
        for (Row m : rows("SELECT account_id, transaction_key, bank_reference, booked_at, amount, currency, payer_name, "
                + "payer_account, remittance, status, rule, amount_fit, confidence, explanation, customer_id, "
                + "suggested_invoice_ids, suggested_invoice_nos FROM gold.payment_matches")) {
            if (!Set.of("suggested", "unmatched").contains(m.str("status")) || m.dec("amount").signum() <= 0) {
                continue;
            }
            statuses.merge(m.str("status"), 1, Integer::sum);
            List<?> ids = m.list("suggested_invoice_ids");
            List<?> nos = m.list("suggested_invoice_nos");
            BigDecimal suggestedOpen = null;
            if (ids != null) {
                for (Object invoiceId : new LinkedHashSet<>(ids)) {
                    BigDecimal open = invoiceId == null ? null : openOf.get((Long) invoiceId);
                    if (open != null) {
                        suggestedOpen = suggestedOpen == null ? open : suggestedOpen.add(open);
                    }
                }
            }
            long ageMs = asOf.toEpochMilli() - m.at("booked_at").toEpochMilli();
            Row customer = m.lng("customer_id") == null ? null : customers.get(m.lng("customer_id"));
            expected.put(key(m.str("account_id"), m.str("transaction_key")), values(m.str("bank_reference"),
                    m.at("booked_at"), m.dec("amount"), m.str("currency"), m.str("payer_name"), m.str("payer_account"),
                    m.str("remittance"), m.str("status"),
                    m.str("status").equals("suggested") ? "建议待确认 suggested" : "未匹配 unmatched",
                    m.str("rule"), m.str("amount_fit"), m.dbl("confidence"), m.str("explanation"), m.lng("customer_id"),
                    customer == null ? null : customer.str("name"), ids == null ? 0L : (long) ids.size(),
                    nos == null ? null : nos.stream().filter(Objects::nonNull).map(String::valueOf).collect(Collectors.joining(", ")),
                    suggestedOpen, ageMs / (double) HOUR_MS, ageMs / DAY_MS, asOf));
        }

        System.out.println("ReceivablesViewsTest: finance_exception_queue " + expected.size() + " credits " + statuses);
        assertViewHoldsExactly("gold.finance_exception_queue", List.of("account_id", "transaction_key"),
                List.of("bank_reference", "booked_at", "amount", "currency", "payer_name", "payer_account", "remittance",
                        "status", "status_label", "rule", "amount_fit", "confidence", "explanation", "customer_id",
                        "customer_name", "suggested_invoice_count", "suggested_invoices", "suggested_open_amount",
                        "age_hours", "age_days", "as_of"),
                expected);
    }

    // ---------------------------------------------------------------- gold.payment_trace

    /**
     * The trace's link from money to invoice is payment matching's: every customer credit the engine applied or
     * finance confirmed has one row per invoice its allocations settle now (amount > 0), with that amount, the
     * invoice's contract and the contract's owner; every other credit (suggested, unmatched, or applied and since
     * undone) has one row with no invoice. Whatever the remittance text says plays no part.
     */
    @Test
    void paymentTraceFollowsEachCreditToTheInvoicesMatchingAppliedItTo() throws Exception {
        Map<Long, Row> contracts = byId("SELECT id, owner_id FROM crm.contracts");
        Map<String, List<Row>> allocationsOf = new HashMap<>();
        for (Row a : rows("SELECT account_id, transaction_key, invoice_id, contract_id, amount FROM gold.payment_allocations")) {
            if (a.dec("amount").signum() > 0) {
                allocationsOf.computeIfAbsent(a.str("account_id") + "/" + a.str("transaction_key"), k -> new ArrayList<>()).add(a);
            }
        }
        Set<List<Object>> expected = new HashSet<>();
        int applied = 0;
        for (Row m : rows("SELECT account_id, transaction_key, amount, status FROM gold.payment_matches")) {
            if (!Set.of("auto_matched", "confirmed", "suggested", "unmatched").contains(m.str("status"))
                    || m.dec("amount").signum() <= 0) {
                continue;
            }
            List<Row> allocations = allocationsOf.getOrDefault(m.str("account_id") + "/" + m.str("transaction_key"), List.of());
            applied += allocations.isEmpty() ? 0 : 1;
            if (allocations.isEmpty()) {
                expected.add(Arrays.asList(m.str("transaction_key"), m.str("status"), null, null, null, null));
            }
            for (Row a : allocations) {
                Row contract = contracts.get(a.lng("contract_id"));
                expected.add(Arrays.asList(m.str("transaction_key"), m.str("status"), a.lng("invoice_id"),
                        a.dec("amount").stripTrailingZeros(), contract == null ? null : a.lng("contract_id"),
                        contract == null ? null : contract.lng("owner_id")));
            }
        }
        Set<List<Object>> traced = new HashSet<>();
        for (Row t : rows("SELECT transaction_key, match_status, invoice_id, applied_amount, contract_id, rep_id FROM gold.payment_trace")) {
            traced.add(Arrays.asList(t.str("transaction_key"), t.str("match_status"), t.lng("invoice_id"),
                    t.dec("applied_amount") == null ? null : t.dec("applied_amount").stripTrailingZeros(), t.lng("contract_id"),
                    t.lng("rep_id")));
        }

        System.out.println("ReceivablesViewsTest: payment_trace " + traced.size() + " rows, " + applied + " credits applied to invoices");
        assertThat(applied).as("credits applied to invoices").isPositive();
        assertThat(traced).isEqualTo(expected);
    }

    // ---------------------------------------------------------------- helpers

    private static boolean notBlank(String text) {
        return text != null && !text.strip().isEmpty();
    }

    /** Hours between two instants, from their whole milliseconds (as Trino's date_diff counts them). */
    private static double hours(Instant from, Instant to) {
        return (to.toEpochMilli() - from.toEpochMilli()) / (double) HOUR_MS;
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(SHANGHAI).toLocalDate();
    }

    private static LocalDate month(Instant instant) {
        return day(instant).withDayOfMonth(1);
    }

    private static Map<Long, Row> byId(String sql) throws SQLException {
        return ViewRows.byId(trino, sql);
    }

    private static List<Row> rows(String sql) throws SQLException {
        return ViewRows.rows(trino, sql);
    }

    private static void assertViewHoldsExactly(String view, List<String> keyColumns, List<String> valueColumns,
                                               Map<List<Object>, List<Object>> expected) throws SQLException {
        ViewRows.assertViewHoldsExactly(trino, view, keyColumns, valueColumns, expected);
    }

}
