package org.salesops.pipelines.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.salesops.pipelines.bank.BankTransaction;

/** A bank transaction as the engine reads it (see {@link BankTransaction} for each field). A POJO for Flink. */
public class Payment {
    public static final String BOOKED = "BOOK";

    public String accountId;
    public String transactionKey;
    public String bankReference;
    public String endToEndId;
    public String messageId;
    /** Signed: credits positive. */
    public BigDecimal amount;
    public String currency;
    public long bookedAt;
    /** The bank's booking day (ISO yyyy-MM-dd), null when the source gives none. */
    public String bookingDate;
    public String status;
    public boolean reversal;
    public String payerName;
    public String payerAccount;
    public String remittance;
    public String creditorReference;
    public List<String> referredDocuments = new ArrayList<>();
    public String bankTransactionCode;

    public Payment() {
    }

    public static Payment of(BankTransaction t) {
        Payment p = new Payment();
        p.accountId = t.accountId() == null ? "" : t.accountId();
        p.transactionKey = t.transactionKey();
        p.bankReference = t.accountServicerReference();
        p.endToEndId = t.endToEndId();
        p.messageId = t.messageId();
        p.amount = t.amount();
        p.currency = t.currency();
        p.bookedAt = t.bookedAt().toEpochMilli();
        p.bookingDate = t.bookingDate() == null ? null : t.bookingDate().toString();
        p.status = t.status();
        p.reversal = t.reversal();
        p.payerName = t.counterpartyName();
        p.payerAccount = CustomerChange.account(t.counterpartyAccount());
        p.remittance = t.remittanceUnstructured();
        p.creditorReference = t.creditorReference();
        p.referredDocuments = new ArrayList<>(t.referredDocuments());
        p.bankTransactionCode = t.bankTransactionCode();
        return p;
    }

    /** Unique across our accounts: the account and the bank's transaction key. */
    public String key() {
        return accountId + "|" + transactionKey;
    }

    public boolean credit() {
        return amount.signum() > 0;
    }

    /**
     * What stays the same when one booking is reported twice under different transaction keys (a
     * notification and a statement line, two statement formats, a statement exported again): the
     * bank's references with the amount, payer account and remittance; without any reference, what
     * the booking says — its day, amount, payer account and name, and remittance. Null only for a
     * booking with neither a reference nor a booking day, which cannot be told apart from another.
     * Two such bookings alike in all of it within one statement are two bookings (see
     * {@link CreditBook}), so what this leaves out is never taken for a duplicate inside one report.
     */
    public String fingerprint() {
        String amountText = amount.stripTrailingZeros().toPlainString();
        if (bankReference != null || endToEndId != null) {
            return String.join("|", accountId, Objects.toString(bankReference), Objects.toString(endToEndId),
                    amountText, Objects.toString(payerAccount), Objects.toString(remittance));
        }
        if (bookingDate == null) {
            return null;
        }
        return String.join("|", accountId, "booked " + bookingDate, amountText, Objects.toString(payerAccount),
                Objects.toString(payerName), Objects.toString(remittance));
    }

    /** Whether the bank's transaction code says this is the bank's own posting (interest, charges). */
    public boolean bankPosting(Set<String> subFamilies) {
        if (bankTransactionCode == null) {
            return false;
        }
        String[] parts = bankTransactionCode.split("/");
        return parts.length == 3 && subFamilies.contains(parts[2]);
    }
}
