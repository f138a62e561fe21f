package org.salesops.pipelines.bank;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.salesops.pipelines.common.RejectedInput;

/**
 * Turns a SWIFT MT940 (customer statement) or MT942 (interim report) file, as banks export it,
 * into bank transactions: one per :61: line. A file is accepted whole or rejected whole.
 *
 * <p>Rules, each explained where it is applied:
 * <ul>
 *   <li>Text: UTF-8 when the file is valid UTF-8, else ISO-8859-1 (German and Dutch exports); a
 *       file in another code page (CP852 in the Raiffeisen sample) keeps readable amounts and
 *       references but garbled accented letters ({@link StatementText}).</li>
 *   <li>Messages, headers and fields: {@link SwiftFieldReader}; a statement: {@link SwiftStatementReader}.</li>
 *   <li>Statement lines (sign, reversal, dates): {@link StatementLine}; their :86:: {@link InformationToOwner}.</li>
 *   <li>Every MT940 statement must reconcile, and every MT942 must match its :90D:/:90C: totals,
 *       else the whole file is rejected ({@link SwiftStatement#reconcile}).</li>
 *   <li>Transaction key: {@link Mt940Keys}.</li>
 * </ul>
 * A record's message id is the statement's :20:, its event time the booking date at 00:00 UTC, its
 * bank transaction code the line's SWIFT type (e.g. NTRF). Balances are not returned. Thread-safe.
 */
public final class Mt940Parser {

    /** A :20: at a line start, possibly right after the header blocks. */
    private static final Pattern STATEMENT_START = Pattern.compile("(?m)^(\\{[^\\n]*\\{4:\\s*)?:20:");

    /** True when the file holds an MT940/MT942 statement start, for format detection. */
    static boolean recognises(byte[] file) {
        return STATEMENT_START.matcher(new String(file, StandardCharsets.ISO_8859_1)).find();
    }

    /**
     * @param file   the file's bytes, as received
     * @param origin where it came from (file name), for rejection reasons
     * @return the transactions in file order; empty for statements without lines
     * @throws RejectedInput when the file is not a readable, consistent MT940/MT942 file
     */
    public List<BankTransaction> parse(byte[] file, String origin) throws RejectedInput {
        Where where = Where.document(origin);
        if (file == null || file.length == 0) {
            throw where.reject("empty file");
        }
        String text = StatementText.decode(file, StandardCharsets.ISO_8859_1, where);
        List<List<SwiftField>> fields = SwiftFieldReader.statements(text, where);
        List<SwiftStatement> statements = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            SwiftStatement statement = SwiftStatementReader.read(fields.get(i), where.at("statement", i + 1));
            statement.reconcile();
            statements.add(statement);
        }
        List<List<String>> keys = Mt940Keys.of(statements);
        List<BankTransaction> transactions = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            SwiftStatement statement = statements.get(i);
            for (int j = 0; j < statement.lines().size(); j++) {
                transactions.add(transaction(statement, statement.lines().get(j), keys.get(i).get(j)));
            }
        }
        return List.copyOf(transactions);
    }

    private static BankTransaction transaction(SwiftStatement statement, SwiftStatement.Line entry, String key) {
        StatementLine line = entry.line();
        PaymentInfo info = entry.info();
        return new BankTransaction(
                key,
                statement.type(),
                statement.reference(),
                statement.accountId(),
                line.signedAmount(),
                statement.currency(),
                line.bookingDate(),
                line.valueDate(),
                CamtValues.startOfDayUtc(line.bookingDate()),
                line.expected() ? "PDNG" : "BOOK",
                line.reversal(),
                line.bankReference(),
                info.endToEndId(),
                info.counterpartyName(),
                info.counterpartyAccount() != null ? info.counterpartyAccount() : ibanIn(line.supplementary()),
                info.remittance(),
                info.creditorReference(),
                List.of(),
                line.typeCode());
    }

    /** Rabobank puts the other party's IBAN alone on the :61: line's second line. */
    private static String ibanIn(String supplementary) {
        return supplementary != null && supplementary.matches("[A-Z]{2}\\d{2}[A-Z0-9]{10,30}") ? supplementary : null;
    }
}
