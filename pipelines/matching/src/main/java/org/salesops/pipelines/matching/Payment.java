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
     * notification and a statement line, two statement formats); null when the bank gave no reference.
     */
    public String fingerprint() {
        if (bankReference == null && endToEndId == null) {
            return null;
        }
        return String.join("|", accountId, Objects.toString(bankReference), Objects.toString(endToEndId),
                amount.stripTrailingZeros().toPlainString(), Objects.toString(payerAccount), Objects.toString(remittance));
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
