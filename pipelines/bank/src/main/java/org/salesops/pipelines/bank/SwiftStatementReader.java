package org.salesops.pipelines.bank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.salesops.pipelines.common.RejectedInput;

/**
 * Reads the fields of one statement into a {@link SwiftStatement}. A :86: right after a :61:
 * (repeated :86: fields included) describes that line; a :86: after the closing balance or before
 * the first :61: is about the statement and not kept, nor are :21:, :64:, :65: and :NS:. A
 * statement with balances is an MT940, one with :34F:, :13D:, :90D: or :90C: instead an MT942.
 */
final class SwiftStatementReader {

    /** Fields that occur at most once, by the tag group they belong to. */
    private static final Map<String, String> SINGLE = Map.ofEntries(Map.entry("20", "20"), Map.entry("25", "25"),
            Map.entry("25P", "25"), Map.entry("28", "28C"), Map.entry("28C", "28C"), Map.entry("60F", "60a"),
            Map.entry("60M", "60a"), Map.entry("62F", "62a"), Map.entry("62M", "62a"), Map.entry("13", "13D"),
            Map.entry("13D", "13D"), Map.entry("90D", "90D"), Map.entry("90C", "90C"));
    /** The floor limit :34F: starts with the report's currency. */
    private static final Pattern FLOOR_CURRENCY = Pattern.compile("([A-Z]{3}).*");
    /** A currency code some banks append to the account: "NL68INGB0000012345EUR", "1291.99.348 EUR", ".../HUF". */
    private static final String ACCOUNT_CURRENCY = "[ /]?%s$";

    private final Where where;
    private final Map<String, SwiftField> seen = new HashMap<>();
    private final List<SwiftStatement.Line> lines = new ArrayList<>();
    /** The :61: being read and its :86: lines so far. */
    private final List<String> information = new ArrayList<>();
    private SwiftField line;
    private SwiftBalance opening;
    private SwiftBalance closing;
    private String floorCurrency;
    private EntryTotal debits;
    private EntryTotal credits;

    private SwiftStatementReader(Where where) {
        this.where = where;
    }

    static SwiftStatement read(List<SwiftField> fields, Where where) throws RejectedInput {
        SwiftStatementReader reader = new SwiftStatementReader(where);
        for (SwiftField field : fields) {
            reader.add(field);
        }
        reader.endLine();
        return reader.statement();
    }

    private void add(SwiftField field) throws RejectedInput {
        String group = SINGLE.get(field.tag());
        SwiftField earlier = group == null ? null : seen.putIfAbsent(group, field);
        if (earlier != null) {
            throw where.reject(field.describe() + " repeats the :" + group + ": of line " + earlier.line()
                    + " within one statement");
        }
        switch (field.tag()) {
            case "61" -> {
                if (closing != null) {
                    throw where.reject(field.describe() + " comes after the closing balance");
                }
                endLine();
                line = field;
            }
            case "86" -> {
                if (line != null && closing == null) {
                    information.addAll(field.lines());
                }
            }
            case "60F", "60M" -> opening = SwiftBalance.read(field, where);
            case "62F", "62M" -> {
                endLine();
                closing = SwiftBalance.read(field, where);
            }
            case "34F" -> {
                Matcher currency = FLOOR_CURRENCY.matcher(field.first());
                floorCurrency = currency.matches() ? currency.group(1) : floorCurrency;
            }
            case "90D" -> debits = EntryTotal.read(field, where);
            case "90C" -> credits = EntryTotal.read(field, where);
            default -> {
                // :20: :25: :28C: :13D: are read from `seen`; :21: :64: :65: :NS: are not needed
            }
        }
    }

    private void endLine() throws RejectedInput {
        if (line != null) {
            Where lineWhere = where.at(":61:", lines.size() + 1);
            lines.add(new SwiftStatement.Line(lineWhere, StatementLine.read(line, lineWhere),
                    InformationToOwner.read(List.copyOf(information))));
        }
        line = null;
        information.clear();
    }

    private SwiftStatement statement() throws RejectedInput {
        String reference = text("20");
        String account = text("25");
        String number = text("28C");
        if (account == null) {
            throw where.reject("statement :20:" + reference + " has no :25: account");
        }
        if (number == null) {
            throw where.reject("statement :20:" + reference + " has no :28C: statement number");
        }
        boolean interim = opening == null && closing == null
                && (floorCurrency != null || seen.containsKey("13D") || debits != null || credits != null);
        if (interim) {
            String currency = floorCurrency != null ? floorCurrency : debits != null ? debits.currency()
                    : credits != null ? credits.currency() : null;
            if (currency == null) {
                throw where.reject("MT942 report :20:" + reference + " has no currency: no :34F:, :90D: or :90C:");
            }
            if (!CurrencyCodes.known(currency)) {
                throw where.reject("MT942 report :20:" + reference + ": " + CurrencyCodes.unknown(currency));
            }
            return new SwiftStatement(where.messageType(SwiftStatement.MT942), SwiftStatement.MT942, reference,
                    account(account, currency), number, null, null, text("13D"), currency, debits, credits,
                    List.copyOf(lines));
        }
        if (opening == null || closing == null) {
            throw where.reject("statement :20:" + reference + " has no " + (opening == null
                    ? ":60F:/:60M: opening" : ":62F:/:62M: closing") + " balance");
        }
        if (!opening.currency().equals(closing.currency())) {
            throw where.reject("statement :20:" + reference + " opens in " + opening.currency() + " but closes in "
                    + closing.currency());
        }
        return new SwiftStatement(where.messageType(SwiftStatement.MT940), SwiftStatement.MT940, reference,
                account(account, opening.currency()), number, opening, closing, null, opening.currency(), null,
                null, List.copyOf(lines));
    }

    private String text(String group) {
        SwiftField field = seen.get(group);
        return field == null || field.first().isEmpty() ? null : field.first();
    }

    private static String account(String account, String currency) {
        String bare = account.replaceFirst(String.format(ACCOUNT_CURRENCY, currency), "").strip();
        return bare.isEmpty() ? account : bare;
    }
}
