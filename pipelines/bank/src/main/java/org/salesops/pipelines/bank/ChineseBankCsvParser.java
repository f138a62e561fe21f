package org.salesops.pipelines.bank;

import java.nio.charset.Charset;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.salesops.pipelines.bank.BankCsvLayouts.Layout;
import org.salesops.pipelines.bank.BankCsvLayouts.PaymentApp;
import org.salesops.pipelines.common.RejectedInput;

/**
 * Turns a Chinese bank's CSV statement export into bank transactions, one per row. A file is
 * accepted whole or rejected whole.
 *
 * <p>Rules:
 * <ul>
 *   <li>Text: UTF-8 (with or without BOM) when valid, else GB18030, which covers GBK.</li>
 *   <li>Layout: the first row that is a known header ({@link BankCsvLayouts}); lines before it are the
 *       preamble, where ICBC names the account ("卡号: 1234****5678") and card statements their month
 *       ("2024年01月"). The table ends at the first blank row or total (合计); a transaction row after
 *       that is an error, not something to skip.</li>
 *   <li>Payment apps (Alipay, WeChat Pay) are rejected: they list wallet payments, many of them paid
 *       from a bank card whose own statement carries the same money again, with order states
 *       (closed, refunded) rather than bookings, and without a balance to check.</li>
 *   <li>Rows: {@link BankCsvRowReader}; a balance column must chain ({@link RunningBalance}).</li>
 *   <li>Event time: date and time in Beijing time (UTC+8); a date alone at 00:00 UTC.</li>
 *   <li>Key: the exports carry no unique reference, so a row's key is a digest of the format, account,
 *       its trimmed cells and how often the same row came before in the file; the balance column
 *       keeps real repeats apart. Overlapping exports of one account give a row the same key.
 *       The message id is a digest of the whole file.</li>
 * </ul>
 * Thread-safe.
 */
public final class ChineseBankCsvParser {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final Pattern ACCOUNT = Pattern.compile("(?:卡号|账号|账户)\\s*[:：]\\s*([0-9*]{4,})");
    private static final Pattern STATEMENT_MONTH = Pattern.compile("(\\d{4})年(\\d{1,2})月");
    private static final Pattern TOTAL = Pattern.compile(".*(合计|总计).*");
    private static final Pattern DATE_START = Pattern.compile("\\d{4}[-/]?\\d{2}[-/]?\\d{2}.*|\\d{2}/\\d{2}");
    /** How far down a header may be: ICBC's is on line 7, Alipay's on line 25. */
    private static final int HEADER_SEARCH_ROWS = 40;

    /** True when the file has a bank or payment-app header, for format detection. */
    static boolean recognises(byte[] file) {
        try {
            List<CsvRecords.Row> rows = CsvRecords.read(StatementText.decode(file, GB18030, Where.document("")));
            return rows.stream().limit(HEADER_SEARCH_ROWS).map(row -> BankCsvLayouts.header(row.cells()))
                    .anyMatch(header -> BankCsvLayouts.bank(header).isPresent()
                            || BankCsvLayouts.paymentApp(header).isPresent());
        } catch (RejectedInput notText) {
            return false;
        }
    }

    /**
     * @param file   the file's bytes, as received
     * @param origin where it came from (file name), for rejection reasons
     * @return the transactions in file order
     * @throws RejectedInput when the file is not a known, readable, consistent bank export
     */
    public List<BankTransaction> parse(byte[] file, String origin) throws RejectedInput {
        Where where = Where.document(origin);
        if (file == null || file.length == 0) {
            throw where.reject("empty file");
        }
        String text = StatementText.decode(file, GB18030, where);
        List<CsvRecords.Row> rows = CsvRecords.read(text);
        int headerIndex = headerIndex(rows, where);
        Layout layout = BankCsvLayouts.bank(BankCsvLayouts.header(rows.get(headerIndex).cells())).orElseThrow();
        Where table = where.messageType(layout.format());
        List<CsvRecords.Row> preamble = rows.subList(0, headerIndex);
        BankCsvRowReader reader = new BankCsvRowReader(layout,
                rows.get(headerIndex).cells().stream().map(String::strip).toList(), statementMonth(preamble), table);
        List<BankCsvRow> parsed = new ArrayList<>();
        for (CsvRecords.Row row : body(rows.subList(headerIndex + 1, rows.size()), table)) {
            parsed.add(reader.read(row));
        }
        RunningBalance.check(parsed, table);
        return transactions(parsed, layout, account(preamble), TransactionKey.digest(layout.format(), text));
    }

    private static int headerIndex(List<CsvRecords.Row> rows, Where where) throws RejectedInput {
        for (int i = 0; i < Math.min(rows.size(), HEADER_SEARCH_ROWS); i++) {
            Set<String> header = BankCsvLayouts.header(rows.get(i).cells());
            if (BankCsvLayouts.bank(header).isPresent()) {
                return i;
            }
            Optional<PaymentApp> app = BankCsvLayouts.paymentApp(header);
            if (app.isPresent()) {
                throw where.reject("line " + rows.get(i).line() + ": the header of " + app.get().name()
                        + ", a payment app, not a bank: its records repeat card payments that the bank's own"
                        + " statement carries, so they are not loaded");
            }
        }
        throw where.reject("no known bank CSV header in the first " + HEADER_SEARCH_ROWS + " lines; known layouts: "
                + BankCsvLayouts.BANKS.stream().map(Layout::format).collect(Collectors.joining(", ")));
    }

    /** The rows up to the first blank row or total; any transaction-like row after them is an error. */
    private static List<CsvRecords.Row> body(List<CsvRecords.Row> rows, Where where) throws RejectedInput {
        int end = 0;
        while (end < rows.size() && !rows.get(end).blank() && !TOTAL.matcher(rows.get(end).cell(0)).matches()) {
            end++;
        }
        for (CsvRecords.Row after : rows.subList(end, rows.size())) {
            if (DATE_START.matcher(after.cell(0).strip()).matches()) {
                throw where.reject("line " + after.line() + ": a dated row after the table ended at line "
                        + rows.get(end).line());
            }
        }
        return rows.subList(0, end);
    }

    private static String account(List<CsvRecords.Row> preamble) {
        return find(preamble, ACCOUNT).map(matcher -> matcher.group(1)).orElse(null);
    }

    private static YearMonth statementMonth(List<CsvRecords.Row> preamble) {
        return find(preamble, STATEMENT_MONTH)
                .map(matcher -> YearMonth.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))))
                .orElse(null);
    }

    private static Optional<Matcher> find(List<CsvRecords.Row> rows, Pattern pattern) {
        return rows.stream().flatMap(row -> row.cells().stream()).map(pattern::matcher).filter(Matcher::find)
                .findFirst();
    }

    private static List<BankTransaction> transactions(List<BankCsvRow> rows, Layout layout, String fileAccount,
                                                      String messageId) {
        Map<List<String>, Integer> seen = new HashMap<>();
        List<BankTransaction> transactions = new ArrayList<>();
        for (BankCsvRow row : rows) {
            String account = fileAccount != null ? fileAccount : row.account();
            int occurrence = seen.merge(row.cells(), 1, Integer::sum);
            Instant bookedAt = row.time() != null ? row.date().atTime(row.time()).toInstant(BEIJING)
                    : CamtValues.startOfDayUtc(row.date());
            transactions.add(new BankTransaction(
                    TransactionKey.digest(layout.format(), account, String.join("\u001f", row.cells()),
                            Integer.toString(occurrence)),
                    layout.format(), messageId, account, row.amount(), row.currency(), row.date(), null, bookedAt,
                    "BOOK", false, row.reference(), null, row.counterpartyName(), row.counterpartyAccount(),
                    row.remittance(), null, List.of(), row.type()));
        }
        return List.copyOf(transactions);
    }
}
