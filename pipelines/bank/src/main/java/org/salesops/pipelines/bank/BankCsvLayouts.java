package org.salesops.pipelines.bank;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Chinese bank CSV exports we read, as data: each layout lists every column of its header row
 * and what it means, and a header row is that layout's when it has exactly those columns (optional
 * ones may be missing, in any order). A bank that adds or renames a column is therefore not
 * guessed at but rejected as unknown. Headers as found in the samples (deb-sig/double-entry-generator
 * examples), meanings as its converters read them.
 *
 * <p>Credit-card layouts: the statement is the card account's, so a purchase is a debit. Where the
 * card export writes purchases as positive amounts ({@link Layout#spendingPositive}), the sign is
 * turned. The card-number columns of card statements name one of several cards of the account and
 * are not taken as the account.
 */
final class BankCsvLayouts {

    /** What a column holds. */
    enum Role {
        /** Booking date: yyyy-MM-dd, yyyyMMdd, yyyy/MM/dd, or MM/dd with the year from the title. */
        BOOKING_DATE,
        /** Booking time, Beijing time: HH:mm:ss or HHmmss. */
        TIME,
        /** ISO code or Chinese name (人民币); without this column: CNY, or the code before the amount. */
        CURRENCY,
        /**
         * Signed amount ("+10000.00", "-1,000.00"), or unsigned next to a {@link #DIRECTION}; may start
         * with a currency code ("CNY 123.18").
         */
        AMOUNT,
        /** Income (收入, 存入): a credit. */
        CREDIT,
        /** Expense (支出): a debit. */
        DEBIT,
        /** 借/贷, or a card transaction type (消费, 还款 ...) that decides the sign: its first word. */
        DIRECTION,
        /** Running balance after the row. */
        BALANCE,
        /** The bank's transaction type (摘要), kept as the bank transaction code. */
        TYPE,
        /** Free text, several columns joined with a space. */
        REMITTANCE,
        COUNTERPARTY_NAME,
        COUNTERPARTY_ACCOUNT,
        /** Name and account in one cell ("张三 66666666666666"). */
        COUNTERPARTY,
        /** The bank's own reference of the row (日志号). */
        REFERENCE,
        /** Our account, per row. */
        ACCOUNT,
        /** Known but not needed (channel, place, transaction-currency amounts, card number). */
        IGNORED
    }

    /** One column of a layout. */
    record Column(String header, Role role, boolean optional) {
    }

    /**
     * @param format           the source format written on every record, e.g. csv.icbc-debit
     * @param spendingPositive card export that writes purchases positive and repayments negative
     */
    record Layout(String format, boolean spendingPositive, List<Column> columns) {

        boolean matches(Set<String> header) {
            Set<String> required = columns.stream().filter(column -> !column.optional()).map(Column::header)
                    .collect(Collectors.toSet());
            Set<String> known = columns.stream().map(Column::header).collect(Collectors.toSet());
            return header.containsAll(required) && known.containsAll(header);
        }
    }

    /** A payment app's export, recognised by columns only it has, to be rejected with its reason. */
    record PaymentApp(String name, Set<String> columns) {
    }

    static final List<Layout> BANKS = List.of(
            // China Merchants Bank (招商银行) debit card
            layout("csv.cmb-debit", false,
                    column("记账日期", Role.BOOKING_DATE), column("货币", Role.CURRENCY),
                    column("交易金额", Role.AMOUNT), column("联机余额", Role.BALANCE), column("交易摘要", Role.TYPE),
                    column("对手信息", Role.COUNTERPARTY), column("客户摘要", Role.REMITTANCE)),
            // China Merchants Bank (招商银行) credit card
            layout("csv.cmb-credit", true,
                    column("交易日", Role.IGNORED), column("记账日", Role.BOOKING_DATE),
                    column("交易摘要", Role.REMITTANCE), column("人民币金额", Role.AMOUNT),
                    column("卡号末四位", Role.IGNORED), column("交易地金额", Role.IGNORED)),
            // ICBC (工商银行) debit card, v1 and v2
            layout("csv.icbc-debit", false,
                    column("交易日期", Role.BOOKING_DATE), column("摘要", Role.TYPE),
                    optional("交易详情", Role.REMITTANCE), column("交易场所", Role.REMITTANCE),
                    column("交易国家或地区简称", Role.IGNORED), column("钞/汇", Role.IGNORED),
                    column("交易金额(收入)", Role.IGNORED), column("交易金额(支出)", Role.IGNORED),
                    column("交易币种", Role.IGNORED), column("记账金额(收入)", Role.CREDIT),
                    column("记账金额(支出)", Role.DEBIT), column("记账币种", Role.CURRENCY),
                    column("余额", Role.BALANCE), column("对方户名", Role.COUNTERPARTY_NAME),
                    optional("对方账户", Role.COUNTERPARTY_ACCOUNT)),
            // ICBC (工商银行) credit card
            layout("csv.icbc-credit", false,
                    column("交易日期", Role.IGNORED), column("记账日期", Role.BOOKING_DATE), column("摘要", Role.TYPE),
                    column("交易场所", Role.REMITTANCE), column("交易国家或地区简称", Role.IGNORED),
                    column("交易金额(收入)", Role.IGNORED), column("交易金额(支出)", Role.IGNORED),
                    column("交易币种", Role.IGNORED), column("记账金额(收入)", Role.CREDIT),
                    column("记账金额(支出)", Role.DEBIT), column("记账币种", Role.CURRENCY),
                    column("余额", Role.BALANCE), column("对方户名", Role.COUNTERPARTY_NAME)),
            // Bank of China (中国银行) debit card
            layout("csv.boc-debit", false,
                    column("记账日期", Role.BOOKING_DATE), column("记账时间", Role.TIME), column("币别", Role.CURRENCY),
                    column("金额", Role.AMOUNT), column("余额", Role.BALANCE), column("交易名称", Role.TYPE),
                    column("渠道", Role.IGNORED), column("网点名称", Role.IGNORED), column("附言", Role.REMITTANCE),
                    column("对方账户名", Role.COUNTERPARTY_NAME), column("对方卡号/账号", Role.COUNTERPARTY_ACCOUNT),
                    column("对方开户行", Role.IGNORED), column("借记卡号", Role.ACCOUNT)),
            // Bank of China (中国银行) credit card
            layout("csv.boc-credit", false,
                    column("交易日", Role.IGNORED), column("银行记账日", Role.BOOKING_DATE),
                    column("卡号后四位", Role.IGNORED), column("交易描述", Role.REMITTANCE),
                    column("存入", Role.CREDIT), column("支出", Role.DEBIT), column("币种", Role.CURRENCY)),
            // Bank of Communications (交通银行) debit card
            layout("csv.bocom-debit", false,
                    column("序号", Role.IGNORED), column("交易日期", Role.BOOKING_DATE), column("交易时间", Role.TIME),
                    column("交易类型", Role.TYPE), column("借贷", Role.DIRECTION), column("交易金额", Role.AMOUNT),
                    column("余额", Role.BALANCE), column("对方账号", Role.COUNTERPARTY_ACCOUNT),
                    column("对方户名", Role.COUNTERPARTY_NAME), column("交易地点", Role.IGNORED),
                    column("摘要", Role.REMITTANCE)),
            // Bank of Communications (交通银行) credit card
            layout("csv.bocom-credit", false,
                    column("交易日期", Role.IGNORED), column("记账日期", Role.BOOKING_DATE),
                    column("交易说明", Role.DIRECTION), column("交易说明", Role.REMITTANCE),
                    column("交易币种/金额", Role.IGNORED), column("入账币种/金额", Role.AMOUNT)),
            // Agricultural Bank of China (农业银行) debit card
            layout("csv.abc-debit", false,
                    column("交易日期", Role.BOOKING_DATE), column("交易时间", Role.TIME), column("交易摘要", Role.TYPE),
                    column("交易金额", Role.AMOUNT), column("本次余额", Role.BALANCE),
                    column("对手信息", Role.COUNTERPARTY), column("日 志 号", Role.REFERENCE),
                    column("交易渠道", Role.IGNORED), column("交易附言", Role.REMITTANCE)),
            // China Guangfa Bank (广发银行) credit card
            layout("csv.cgb-credit", true,
                    column("交易日期", Role.IGNORED), column("入账日期", Role.BOOKING_DATE),
                    column("交易摘要", Role.REMITTANCE), column("交易金额", Role.IGNORED),
                    column("交易货币", Role.IGNORED), column("入账金额", Role.AMOUNT), column("入账货币", Role.CURRENCY)));

    static final List<PaymentApp> PAYMENT_APPS = List.of(
            new PaymentApp("Alipay (支付宝)", Set.of("交易订单号", "商家订单号", "收/支")),
            new PaymentApp("WeChat Pay (微信支付)", Set.of("交易单号", "商户单号", "收/支")));

    /** First word of a {@link Role#DIRECTION} cell to the sign of the amount. */
    static final Map<String, Integer> DIRECTIONS = Map.ofEntries(
            Map.entry("贷", 1), Map.entry("借", -1),
            // card transaction types (交通银行 credit card)
            Map.entry("退货", 1), Map.entry("信用卡还款", 1), Map.entry("红包还款", 1), Map.entry("刷卡金返还", 1),
            Map.entry("自动购汇还款", 1), Map.entry("消费", -1), Map.entry("刷卡金扣回", -1),
            Map.entry("分期扣款", -1), Map.entry("自动购汇扣款", -1));

    /** Chinese currency names in the exports; three-letter codes are taken as they are. */
    static final Map<String, String> CURRENCIES = Map.of("人民币", "CNY", "美元", "USD", "港币", "HKD", "港元", "HKD",
            "欧元", "EUR", "日元", "JPY", "英镑", "GBP", "澳元", "AUD", "加元", "CAD", "新加坡元", "SGD");

    private BankCsvLayouts() {
    }

    /** The bank layout whose header this is. */
    static Optional<Layout> bank(Set<String> header) {
        return BANKS.stream().filter(layout -> layout.matches(header)).findFirst();
    }

    /** The payment app whose header this is. */
    static Optional<PaymentApp> paymentApp(Set<String> header) {
        return PAYMENT_APPS.stream().filter(app -> header.containsAll(app.columns())).findFirst();
    }

    /** A row's cells as a header: trimmed, empty trailing cells dropped. */
    static Set<String> header(List<String> cells) {
        return cells.stream().map(String::strip).filter(cell -> !cell.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Layout layout(String format, boolean spendingPositive, Column... columns) {
        return new Layout(format, spendingPositive, List.of(columns));
    }

    private static Column column(String header, Role role) {
        return new Column(header, role, false);
    }

    private static Column optional(String header, Role role) {
        return new Column(header, role, true);
    }
}
