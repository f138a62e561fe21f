package org.salesops.pipelines.bank;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.salesops.pipelines.bank.CamtValues.DateOrDateTime;
import org.salesops.pipelines.bank.CamtValues.Money;
import org.salesops.pipelines.common.RejectedInput;
import org.w3c.dom.Element;

/**
 * Reads one {@code Ntry} into one bank transaction per {@code TxDtls}.
 *
 * <p>Amounts. An entry with zero or one TxDtls is one transaction of the entry's own amount and
 * direction: the entry is what was booked in the account currency, while a lone TxDtls may carry
 * the instructed amount in another currency (ISO business sample: 30000 SEK booked, TxDtls 3255
 * EUR) or a placeholder (same sample: Amt 0), and real batch bookings often list one TxDtls for the
 * whole batch (LT sample: NbOfTxs 86, one TxDtls with the total). An entry with two or more
 * TxDtls is split: each amount is {@code TxDtls/Amt} (v04+) or {@code TxDtls/AmtDtls/TxAmt/Amt},
 * whichever is in the entry currency, signed by the TxDtls' own {@code CdtDbtInd} when present,
 * else by the entry's; the signed amounts must add up to the signed entry amount, or the document
 * is rejected. Real batches net credits and debits (LT camt.054: 29 credits and 2 debits of 3.00
 * make the 6329 EUR entry), which is why each TxDtls keeps its own sign. {@code Btch/NbOfTxs} and
 * {@code Btch/TtlAmt} are not checked: banks report the batch count without listing every
 * transaction, and the entry amount is what reaches the balance.
 *
 * <p>Status. {@code Sts} (v02-v04) or {@code Sts/Cd} (v08+) must be BOOK, PDNG or INFO. A statement
 * entry without {@code Sts} is taken as BOOK: the element is mandatory, but a real LT bank omits it
 * in camt.053, whose entries are bookings by definition, and its balances only reconcile that way.
 *
 * <p>Event time ({@code bookedAt}): {@code BookgDt/DtTm}; else {@code BookgDt/Dt} at 00:00 UTC;
 * else the transaction's {@code RltdDts/AccptncDtTm} (pending and INFO entries often have no
 * booking date); else {@code ValDt} at 00:00 UTC; else the creation time of the statement, else of
 * the message.
 */
final class EntryReader {

    private static final Set<String> STATUSES = Set.of("BOOK", "PDNG", "INFO");

    /** What an entry needs to know about the report it is in. */
    record Context(CamtMessageType type, String sourceFormat, String messageId, String accountId,
                   int statementIndex, Instant reportedAt) {
    }

    private EntryReader() {
    }

    static Entry read(Element ntry, int entryIndex, Context context, Where statement) throws RejectedInput {
        Where where = statement.at("Ntry", entryIndex);
        Element amt = Dom.child(ntry, "Amt");
        if (amt == null) {
            throw where.reject("no Amt");
        }
        Money money = CamtValues.money(amt, where, "Amt");
        String indicator = Dom.text(ntry, "CdtDbtInd");
        if (indicator == null) {
            throw where.reject("no CdtDbtInd");
        }
        int direction = CamtValues.direction(indicator, where, "CdtDbtInd");
        BigDecimal signedAmount = direction > 0 ? money.amount() : money.amount().negate();
        String status = status(ntry, context.type(), where);
        boolean reversal = CamtValues.flag(Dom.text(ntry, "RvslInd"), where, "RvslInd");
        DateOrDateTime booking = CamtValues.dateOrDateTime(Dom.child(ntry, "BookgDt"), where, "BookgDt");
        DateOrDateTime value = CamtValues.dateOrDateTime(Dom.child(ntry, "ValDt"), where, "ValDt");
        String entryServicerReference = Dom.text(ntry, "AcctSvcrRef");
        String entryReference = entryServicerReference != null ? entryServicerReference : Dom.text(ntry, "NtryRef");
        String entryCode = TransactionDetails.bankTransactionCode(Dom.child(ntry, "BkTxCd"));

        List<Element> txDtls = new ArrayList<>();
        for (Element details : Dom.children(ntry, "NtryDtls")) {
            txDtls.addAll(Dom.children(details, "TxDtls"));
        }
        List<BigDecimal> amounts = txDtls.size() <= 1
                ? List.of(signedAmount)
                : splitAmounts(txDtls, money.currency(), direction, signedAmount, where);

        List<BankTransaction> transactions = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            int transactionIndex = i + 1;
            BigDecimal amount = amounts.get(i);
            boolean credit = amount.signum() != 0 ? amount.signum() > 0 : direction > 0;
            TransactionDetails details = txDtls.isEmpty() ? TransactionDetails.NONE
                    : TransactionDetails.read(txDtls.get(i), credit != reversal, where.at("TxDtls", transactionIndex));
            transactions.add(new BankTransaction(
                    TransactionKey.of(details.accountServicerReference(), entryReference, context.accountId(),
                            context.messageId(), context.statementIndex(), entryIndex, transactionIndex),
                    context.sourceFormat(),
                    context.messageId(),
                    context.accountId(),
                    amount,
                    money.currency(),
                    booking == null ? null : booking.date(),
                    value == null ? null : value.date(),
                    eventTime(booking, details, value, context),
                    status,
                    reversal,
                    entryServicerReference != null ? entryServicerReference : details.accountServicerReference(),
                    details.endToEndId(),
                    details.counterpartyName(),
                    details.counterpartyAccount(),
                    details.remittanceUnstructured(),
                    details.creditorReference(),
                    details.referredDocuments(),
                    details.bankTransactionCode() != null ? details.bankTransactionCode() : entryCode));
        }
        return new Entry(where, signedAmount, money.currency(), status, List.copyOf(transactions));
    }

    /** See the class comment: booking time, else acceptance, else value date, else report time. */
    private static Instant eventTime(DateOrDateTime booking, TransactionDetails details, DateOrDateTime value,
                                     Context context) {
        if (booking != null) {
            return booking.instantOrStartOfDay();
        }
        if (details.acceptedAt() != null) {
            return details.acceptedAt();
        }
        return value != null ? CamtValues.startOfDayUtc(value.date()) : context.reportedAt();
    }

    private static List<BigDecimal> splitAmounts(List<Element> txDtls, String currency, int entryDirection,
                                                 BigDecimal signedEntryAmount, Where where) throws RejectedInput {
        List<BigDecimal> amounts = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < txDtls.size(); i++) {
            Element tx = txDtls.get(i);
            Where txWhere = where.at("TxDtls", i + 1);
            BigDecimal amount = amountIn(currency, tx, txWhere);
            String indicator = Dom.text(tx, "CdtDbtInd");
            int direction = indicator == null ? entryDirection : CamtValues.direction(indicator, txWhere, "CdtDbtInd");
            BigDecimal signed = direction > 0 ? amount : amount.negate();
            amounts.add(signed);
            sum = sum.add(signed);
        }
        if (sum.compareTo(signedEntryAmount) != 0) {
            throw where.reject("its " + txDtls.size() + " TxDtls add up to " + sum.toPlainString() + " " + currency
                    + " but the entry amount is " + signedEntryAmount.toPlainString() + " " + currency);
        }
        return amounts;
    }

    private static BigDecimal amountIn(String currency, Element tx, Where where) throws RejectedInput {
        Element amt = Dom.child(tx, "Amt");
        if (amt != null && currency.equals(amt.getAttribute("Ccy").trim())) {
            return CamtValues.amount(Dom.textOf(amt), where, "Amt");
        }
        Element transactionAmt = Dom.child(tx, "AmtDtls", "TxAmt", "Amt");
        if (transactionAmt != null && currency.equals(transactionAmt.getAttribute("Ccy").trim())) {
            return CamtValues.amount(Dom.textOf(transactionAmt), where, "AmtDtls/TxAmt/Amt");
        }
        throw where.reject("no Amt or AmtDtls/TxAmt in the entry currency " + currency
                + ", so the batch cannot be split");
    }

    private static String status(Element ntry, CamtMessageType type, Where where) throws RejectedInput {
        Element sts = Dom.child(ntry, "Sts");
        if (sts == null) {
            if (type == CamtMessageType.STATEMENT) {
                return "BOOK";
            }
            throw where.reject("no Sts");
        }
        String code = Dom.hasElementChildren(sts) ? Dom.text(sts, "Cd") : Dom.textOf(sts);
        if (code == null || !STATUSES.contains(code)) {
            throw where.reject("Sts '" + (code != null ? code : Dom.textOf(sts)) + "' is not BOOK, PDNG or INFO");
        }
        return code;
    }
}
