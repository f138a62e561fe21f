package org.salesops.pipelines.bank;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.salesops.pipelines.bank.BankCsvLayouts.Column;
import org.salesops.pipelines.bank.BankCsvLayouts.Layout;
import org.salesops.pipelines.bank.BankCsvLayouts.Role;
import org.salesops.pipelines.common.RejectedInput;

/**
 * Reads the rows of one export by its layout, finding each column by its header, so the columns
 * may come in any order.
 */
final class BankCsvRowReader {

    /** "张三 66666666666666", "北京住房公积金管理中心1111111111": an account is the trailing run of digits. */
    private static final Pattern NAME_AND_ACCOUNT = Pattern.compile("(.*?)\\s*(\\d{6,})");
    /** The 0000000000 that ABC writes where a row has no log number. */
    private static final Pattern NO_REFERENCE = Pattern.compile("0+");
    private static final String DEFAULT_CURRENCY = "CNY";

    private final Layout layout;
    private final List<String> header;
    private final YearMonth statementMonth;
    private final Where where;

    /**
     * @param header         the header row's cells, trimmed
     * @param statementMonth the month a card statement's title names, for dates without a year; or null
     */
    BankCsvRowReader(Layout layout, List<String> header, YearMonth statementMonth, Where where) {
        this.layout = layout;
        this.header = header;
        this.statementMonth = statementMonth;
        this.where = where;
    }

    BankCsvRow read(CsvRecords.Row row) throws RejectedInput {
        BankCsvValues values = new BankCsvValues(where, row.line());
        Column dateColumn = only(Role.BOOKING_DATE);
        Column timeColumn = only(Role.TIME);
        Column balanceColumn = only(Role.BALANCE);
        Column currencyColumn = only(Role.CURRENCY);
        BankCsvValues.Amount written = amountColumn() == null ? null
                : values.amount(cell(row, amountColumn()), amountColumn().header());
        String currency = currencyColumn != null ? values.currency(cell(row, currencyColumn), currencyColumn.header())
                : written != null && written.currency() != null ? written.currency() : DEFAULT_CURRENCY;
        BigDecimal balance = null;
        if (balanceColumn != null) {
            BankCsvValues.Amount amount = values.amount(cell(row, balanceColumn), balanceColumn.header());
            if (amount == null) {
                throw values.reject(balanceColumn.header() + " is empty");
            }
            balance = amount.value();
        }
        String[] counterparty = counterparty(row);
        return new BankCsvRow(row.line(), row.cells().stream().map(String::strip).toList(),
                values.date(cell(row, dateColumn), dateColumn.header(), statementMonth),
                timeColumn == null ? null : values.time(cell(row, timeColumn), timeColumn.header()),
                amount(row, written, values), currency, balance, text(row, Role.TYPE), text(row, Role.REMITTANCE),
                counterparty[0], counterparty[1], reference(row), text(row, Role.ACCOUNT));
    }

    /** Signed: from a signed amount, an amount and a direction, or income and expense columns. */
    private BigDecimal amount(CsvRecords.Row row, BankCsvValues.Amount written, BankCsvValues values)
            throws RejectedInput {
        if (amountColumn() != null) {
            if (written == null) {
                throw values.reject(amountColumn().header() + " is empty");
            }
            BigDecimal amount = written.value();
            Column direction = only(Role.DIRECTION);
            if (direction != null) {
                if (amount.signum() < 0) {
                    throw values.reject(amountColumn().header() + " is negative, but " + direction.header()
                            + " gives the direction");
                }
                int sign = values.direction(cell(row, direction), direction.header());
                amount = sign < 0 ? amount.negate() : amount;
            }
            return layout.spendingPositive() ? amount.negate() : amount;
        }
        Column creditColumn = only(Role.CREDIT);
        Column debitColumn = only(Role.DEBIT);
        BankCsvValues.Amount credit = values.amount(cell(row, creditColumn), creditColumn.header());
        BankCsvValues.Amount debit = values.amount(cell(row, debitColumn), debitColumn.header());
        if (credit == null && debit == null) {
            throw values.reject("neither " + creditColumn.header() + " nor " + debitColumn.header() + " has an amount");
        }
        if (credit != null && debit != null) {
            throw values.reject("both " + creditColumn.header() + " and " + debitColumn.header() + " have an amount");
        }
        return credit != null ? credit.value() : debit.value().negate();
    }

    /** Name and account, from their own columns or from one combined cell. */
    private String[] counterparty(CsvRecords.Row row) {
        String combined = text(row, Role.COUNTERPARTY);
        if (combined == null) {
            return new String[] {text(row, Role.COUNTERPARTY_NAME), text(row, Role.COUNTERPARTY_ACCOUNT)};
        }
        Matcher matcher = NAME_AND_ACCOUNT.matcher(combined);
        if (!matcher.matches()) {
            return new String[] {combined, null};
        }
        return new String[] {matcher.group(1).isEmpty() ? null : matcher.group(1), matcher.group(2)};
    }

    private String reference(CsvRecords.Row row) {
        String reference = text(row, Role.REFERENCE);
        return reference == null || NO_REFERENCE.matcher(reference).matches() ? null : reference;
    }

    /** The role's cells joined with a space; null when all are empty. */
    private String text(CsvRecords.Row row, Role role) {
        List<String> parts = new ArrayList<>();
        for (Column column : columns(role)) {
            parts.add(BankCsvValues.text(cell(row, column)));
        }
        String text = parts.stream().filter(Objects::nonNull).collect(Collectors.joining(" "));
        return text.isEmpty() ? null : text;
    }

    private Column amountColumn() {
        return only(Role.AMOUNT);
    }

    private Column only(Role role) {
        List<Column> columns = columns(role);
        return columns.isEmpty() ? null : columns.get(0);
    }

    /** The layout's columns of this role that the header has. */
    private List<Column> columns(Role role) {
        return layout.columns().stream().filter(column -> column.role() == role && header.contains(column.header()))
                .toList();
    }

    private String cell(CsvRecords.Row row, Column column) {
        return row.cell(header.indexOf(column.header()));
    }
}
