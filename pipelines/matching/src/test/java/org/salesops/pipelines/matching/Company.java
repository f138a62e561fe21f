package org.salesops.pipelines.matching;

import static org.salesops.pipelines.crm.CrmRow.row;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.salesops.pipelines.bank.BankTransaction;
import org.salesops.pipelines.crm.CrmChange;
import org.salesops.pipelines.crm.CrmRow;

/**
 * A small company to match payments for: fixed instants, and builders of the CRM rows and bank
 * credits the tests feed in, typed as the parsers deliver them.
 */
final class Company {

    /** Monday 2026-03-02 09:00 in Shanghai. */
    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    static final long HOUR = 3_600_000L;
    static final String ACCOUNT = "755912345610801";

    static final long SHUNDA = 20001L;
    static final long HENGXIN = 20002L;

    private Company() {
    }

    static long at(double hours) {
        return T0.toEpochMilli() + (long) (hours * HOUR);
    }

    static Instant instant(double hours) {
        return Instant.ofEpochMilli(at(hours));
    }

    static CrmRow customerRow(long id, String name, String legalName, String aliases, String accounts) {
        return row().with("id", id).with("name", name).with("legal_name", legalName).with("aliases", aliases)
                .with("bank_account", accounts).with("updated_at", T0);
    }

    /** 佛山市顺达建材有限公司, account 6222000011112222. */
    static CrmChange shunda(double hours) {
        return CrmRow.created("customers", customerRow(SHUNDA, "顺达建材", "佛山市顺达建材有限公司",
                "Foshan Shunda Building Materials Co., Ltd.;Shunda Jiancai;佛山市顺达建材有限公司广州分公司",
                "6222000011112222"), instant(hours));
    }

    /** 杭州市恒信五金有限公司, no account known. */
    static CrmChange hengxin(double hours) {
        return CrmRow.created("customers", customerRow(HENGXIN, "恒信五金", "杭州市恒信五金有限公司",
                "Hangzhou Hengxin Hardware Limited;Hengxin Wujin", null), instant(hours));
    }

    static CrmRow contractRow(long id, long customer, String no, String amount, String rate) {
        return row().with("id", id).with("opportunity_id", 300000L + id).with("customer_id", customer).with("owner_id", 1001L)
                .with("contract_no", no).with("amount", new BigDecimal(amount)).with("currency", "CNY")
                .with("commission_rate", rate == null ? null : new BigDecimal(rate)).with("signed_at", T0)
                .with("status", "active").with("updated_at", T0);
    }

    static CrmChange contract(long id, long customer, String no, String amount, String rate, double hours) {
        return CrmRow.created("contracts", contractRow(id, customer, no, amount, rate), instant(hours));
    }

    static CrmRow invoiceRow(long id, long contract, long customer, String no, String amount, double issuedHours) {
        return row().with("id", id).with("contract_id", contract).with("customer_id", customer).with("invoice_no", no)
                .with("amount", new BigDecimal(amount)).with("currency", "CNY").with("issued_at", instant(issuedHours))
                .with("due_date", LocalDate.of(2026, 4, 1)).with("status", "issued").with("updated_at", instant(issuedHours));
    }

    static CrmChange invoice(long id, long contract, long customer, String no, String amount, double hours) {
        return CrmRow.created("invoices", invoiceRow(id, contract, customer, no, amount, hours), instant(hours));
    }

    static CrmChange cancelled(CrmRow invoice, double hours) {
        return CrmRow.updated("invoices", invoice, invoice.copy().with("status", "cancelled"), instant(hours));
    }

    static CrmChange decision(long id, String bankReference, long invoice, String decision, double hours) {
        return CrmRow.created("payment_match_decisions", row().with("id", id).with("bank_reference", bankReference)
                .with("invoice_id", invoice).with("decision", decision).with("decided_by", 1005L)
                .with("decided_at", instant(hours)), instant(hours));
    }

    /** A bank credit to our account, booked and notified at {@code hours}. */
    static Credit credit(String reference, String amount, double hours) {
        return new Credit(reference, amount, hours);
    }

    /** A builder of bank transactions. */
    static final class Credit {
        private final String reference;
        private final String amount;
        private final double hours;
        private String key;
        private String payer;
        private String account;
        private String memo;
        private String creditorReference;
        private String endToEndId;
        private String status = "BOOK";
        private boolean reversal;
        private boolean withoutReference;
        private String message;
        private String code = "PMNT/RCDT/DMCT";
        private final List<String> documents = new ArrayList<>();

        Credit(String reference, String amount, double hours) {
            this.reference = reference;
            this.key = reference;
            this.amount = amount;
            this.hours = hours;
        }

        Credit payer(String name, String payerAccount) {
            this.payer = name;
            this.account = payerAccount;
            return this;
        }

        Credit memo(String text) {
            this.memo = text;
            return this;
        }

        Credit creditorReference(String rf) {
            this.creditorReference = rf;
            return this;
        }

        Credit documents(String... numbers) {
            documents.addAll(List.of(numbers));
            return this;
        }

        Credit endToEnd(String id) {
            this.endToEndId = id;
            return this;
        }

        Credit key(String transactionKey) {
            this.key = transactionKey;
            return this;
        }

        /** A booking the bank gave no reference of its own (many statement lines and CSV exports). */
        Credit withoutReference() {
            this.withoutReference = true;
            return this;
        }

        /** The report (statement, notification) it came in; by default one of its own. */
        Credit message(String messageId) {
            this.message = messageId;
            return this;
        }

        Credit pending() {
            this.status = "PDNG";
            return this;
        }

        /** A return of an earlier credit: a debit flagged as reversal. */
        Credit returned() {
            this.reversal = true;
            this.code = "PMNT/RCDT/RRTN";
            return this;
        }

        Credit code(String bankTransactionCode) {
            this.code = bankTransactionCode;
            return this;
        }

        BankTransaction build() {
            Instant bookedAt = instant(hours);
            LocalDate day = LocalDate.of(2026, 3, 2);
            return new BankTransaction(key, "camt.054.001.08", message != null ? message : "MSG-" + key, ACCOUNT,
                    new BigDecimal(amount), "CNY", day, day, bookedAt, status, reversal, withoutReference ? null : reference,
                    endToEndId, payer, account, memo, creditorReference,
                    List.copyOf(documents), code);
        }
    }
}
