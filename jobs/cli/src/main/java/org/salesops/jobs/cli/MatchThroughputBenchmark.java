package org.salesops.jobs.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.accumulators.LongMinimum;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.salesops.pipelines.bank.BankTransaction;
import org.salesops.pipelines.crm.CrmChange;
import org.salesops.pipelines.matching.MatchingSettings;
import org.salesops.pipelines.matching.PaymentMatch;
import org.salesops.pipelines.matching.PaymentMatching;

/**
 * Matching throughput against the size of the book of open invoices in state. A synthetic book (ten
 * open invoices per customer, each customer with a known account and a distinct legal name) is followed
 * in event time by credits, each paying one invoice, found by the invoice number in the memo (half of
 * them), by the payer's known account and the amount (a quarter), or by the payer's name and the amount
 * (a quarter). Only the matching operator runs, on a local MiniCluster at parallelism 2, with no Kafka and
 * no Iceberg, so the figure is the engine's own: the time from the first match out to the last, once the
 * book is in state. Medians of the repetitions are reported.
 */
final class MatchThroughputBenchmark {

    static final int INVOICES_PER_CUSTOMER = 10;
    /** A customer's rows: itself, one contract, its invoices. */
    private static final int ROWS_PER_CUSTOMER = INVOICES_PER_CUSTOMER + 2;
    private static final long START = Instant.parse("2026-03-02T01:00:00Z").toEpochMilli();
    private static final String OUR_ACCOUNT = "755912345610801";

    /** One book size, per repetition: the credits' matching time, and the whole job's (book loading included). */
    record Run(int openInvoices, int credits, List<Duration> matching, List<Duration> jobs) {

        /** Credits per second over the median matching time. */
        double creditsPerSecond() {
            return credits * 1000.0 / Math.max(1, median(matching));
        }

        static long median(List<Duration> runs) {
            return (long) Percentiles.of(runs.stream().map(Duration::toMillis).toList(), 50);
        }
    }

    private MatchThroughputBenchmark() {
    }

    /** A small run first, so that class loading and the JIT do not land on the first measured run. */
    static void warmUp() throws Exception {
        match(2_000, 1_000, new ArrayList<>(), new ArrayList<>());
    }

    static Run run(int openInvoices, int credits, int repetitions) throws Exception {
        if (credits > openInvoices || openInvoices % 7_919 == 0) {
            throw new IllegalArgumentException("每笔入账付一张不同的发票 Each credit pays a different invoice: --credits "
                    + credits + " must not exceed the open invoices (" + openInvoices + "), nor may they be a multiple of 7919");
        }
        List<Duration> matching = new ArrayList<>();
        List<Duration> jobs = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            match(openInvoices, credits, matching, jobs);
        }
        return new Run(openInvoices, credits, matching, jobs);
    }

    private static void match(int openInvoices, int credits, List<Duration> matching, List<Duration> jobs) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_PORT, "0");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        int customers = openInvoices / INVOICES_PER_CUSTOMER;
        // One source task each, emitting in order, so event time (a millisecond a row) rises with the rows.
        DataStream<CrmChange> book = env.fromSequence(0, (long) customers * ROWS_PER_CUSTOMER - 1).setParallelism(1)
                .map(MatchThroughputBenchmark::bookRow).returns(CrmChange.class).setParallelism(1)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<CrmChange>forMonotonousTimestamps()
                        .withTimestampAssigner((change, ts) -> change.committedAt().toEpochMilli())).setParallelism(1);
        // The credits come after the whole book in event time, so they are all matched once the book is in state.
        long creditsStart = START + (long) customers * ROWS_PER_CUSTOMER + 60_000;
        DataStream<BankTransaction> bank = env.fromSequence(0, credits - 1).setParallelism(1)
                .map(i -> credit(i, customers, creditsStart)).returns(BankTransaction.class).setParallelism(1)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<BankTransaction>forMonotonousTimestamps()
                        .withTimestampAssigner((t, ts) -> t.bookedAt().toEpochMilli())).setParallelism(1);
        PaymentMatching.compute(book, bank, MatchingSettings.load()).matches()
                .map(new MatchClock()).name("match clock")
                .sinkTo(new DiscardingSink<>()).name("discard");
        long started = System.nanoTime();
        JobExecutionResult result = env.execute("match throughput, " + openInvoices + " open invoices, " + credits + " credits");
        jobs.add(Duration.ofNanos(System.nanoTime() - started));
        long first = result.getAccumulatorResult(MatchClock.FIRST);
        long last = result.getAccumulatorResult(MatchClock.LAST);
        matching.add(Duration.ofNanos(last - first));
    }

    /**
     * When the first and the last match came out (the MiniCluster runs in this JVM, so its tasks share
     * one nanosecond clock); accumulators carry them to the job's result.
     */
    static final class MatchClock extends RichMapFunction<PaymentMatch, PaymentMatch> {
        static final String FIRST = "first-match-nanos";
        static final String LAST = "last-match-nanos";
        private transient LongMinimum first;
        private transient LongMaximum last;

        @Override
        public void open(OpenContext context) {
            first = new LongMinimum();
            last = new LongMaximum();
            getRuntimeContext().addAccumulator(FIRST, first);
            getRuntimeContext().addAccumulator(LAST, last);
        }

        @Override
        public PaymentMatch map(PaymentMatch match) {
            long now = System.nanoTime();
            first.add(now);
            last.add(now);
            return match;
        }
    }

    /** Row {@code index} of the book: customer k's row, then its contract, then its invoices. */
    static CrmChange bookRow(long index) {
        long k = index / ROWS_PER_CUSTOMER;
        int part = (int) (index % ROWS_PER_CUSTOMER);
        Instant at = Instant.ofEpochMilli(START + index);
        Map<String, Object> row = new TreeMap<>();
        if (part == 0) {
            row.put("id", customerId(k));
            row.put("name", name(k));
            row.put("legal_name", legalName(k));
            row.put("bank_account", payerAccount(k));
            row.put("updated_at", at);
            return new CrmChange("customers", "c", null, row, at, null, null);
        }
        if (part == 1) {
            row.put("id", contractId(k));
            row.put("opportunity_id", 300_000_000L + k);
            row.put("customer_id", customerId(k));
            row.put("owner_id", 1001L);
            row.put("contract_no", "HT-2026-" + k);
            row.put("amount", invoiceAmount(k, 0).multiply(BigDecimal.valueOf(INVOICES_PER_CUSTOMER)));
            row.put("currency", "CNY");
            row.put("commission_rate", new BigDecimal("0.0300"));
            row.put("signed_at", at);
            row.put("status", "active");
            row.put("updated_at", at);
            return new CrmChange("contracts", "c", null, row, at, null, null);
        }
        int n = part - 2;
        row.put("id", invoiceId(k, n));
        row.put("contract_id", contractId(k));
        row.put("customer_id", customerId(k));
        row.put("invoice_no", invoiceNo(k, n));
        row.put("amount", invoiceAmount(k, n));
        row.put("currency", "CNY");
        row.put("issued_at", at);
        row.put("due_date", LocalDate.of(2026, 4, 1));
        row.put("status", "issued");
        row.put("updated_at", at);
        return new CrmChange("invoices", "c", null, row, at, null, null);
    }

    /** Credit {@code i}: pays one invoice, spread over the book, found by one of three rules. */
    static BankTransaction credit(long i, int customers, long creditsStart) {
        // 7,919 is prime: credits 0..customers x 10 - 1 pay distinct invoices, scattered over the customers
        long invoice = (i * 7_919) % ((long) customers * INVOICES_PER_CUSTOMER);
        long k = invoice / INVOICES_PER_CUSTOMER;
        int n = (int) (invoice % INVOICES_PER_CUSTOMER);
        Instant at = Instant.ofEpochMilli(creditsStart + i);
        LocalDate day = LocalDate.of(2026, 3, 2);
        String reference = "BENCH" + i;
        String memo = null;
        String payerName = legalName(k);
        String payerAccount = null;
        switch ((int) (i % 4)) {
            case 0, 1 -> memo = "货款 " + invoiceNo(k, n);
            case 2 -> payerAccount = payerAccount(k);
            default -> memo = "货款";
        }
        return new BankTransaction(reference, "camt.054.001.08", "MSG-" + reference, OUR_ACCOUNT, invoiceAmount(k, n), "CNY",
                day, day, at, "BOOK", false, reference, null, payerName, payerAccount, memo, null, List.of(),
                "PMNT/RCDT/DMCT");
    }

    private static long customerId(long k) {
        return 100_000_000L + k;
    }

    private static long contractId(long k) {
        return 200_000_000L + k;
    }

    private static long invoiceId(long k, int n) {
        return 400_000_000L + k * INVOICES_PER_CUSTOMER + n;
    }

    private static String invoiceNo(long k, int n) {
        return String.format("INV-2026-%07d", k * INVOICES_PER_CUSTOMER + n);
    }

    /** Distinct per customer and invoice, so an amount names one invoice of its customer. */
    private static BigDecimal invoiceAmount(long k, int n) {
        return BigDecimal.valueOf(10_000 + (k % 997) * 100 + n * 13L, 0).setScale(2);
    }

    private static String payerAccount(long k) {
        return String.format("6222%012d", k);
    }

    /** Characters Chinese company names are made of (about a hundred), so names share some but not most of them. */
    private static final String NAME_CHARACTERS = "华盛达恒信顺安泰隆鑫源宏德兴利通昌丰佳瑞嘉祥和美康健福永新金"
            + "大中天长海山川江河明光辉腾飞龙凤云星宇汇聚联创智博远航正诚合众力强伟业成功纳百铭豪东南西北"
            + "晨阳春秋冠亚凯越卓尔雅致宝元方圆立邦润泽雄峰鼎盈晟昊旭";

    /** Three characters drawn by the digits of a scrambled k: distinct per customer, as unlike their neighbours as real names. */
    private static String name(long k) {
        int n = NAME_CHARACTERS.length();
        long scrambled = (k * 7_919 + 104_729) % ((long) n * n * n);
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            name.append(NAME_CHARACTERS.charAt((int) (scrambled % n)));
            scrambled /= n;
        }
        return name.append("科技").toString();
    }

    private static final String[] CITIES = "上海 北京 广州 深圳 杭州 南京 苏州 成都 武汉 西安".split(" ");

    private static String legalName(long k) {
        return CITIES[(int) (k % CITIES.length)] + "市" + name(k) + "有限公司";
    }
}
