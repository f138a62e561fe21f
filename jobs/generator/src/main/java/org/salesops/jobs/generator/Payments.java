package org.salesops.jobs.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Customers paying invoices, with the noise finance has to untangle: payer names in every
 * variant (registered, short, branch, English, misspelt), the invoice or contract number in the
 * memo or nothing, partial payments, one transfer for several invoices, bank fees deducted on the
 * way, unknown payer accounts, and credits that have nothing to do with any invoice.
 */
final class Payments {

    private static final String CREDIT_TRANSFER = "PMNT/RCDT/DMCT";
    private static final List<BigDecimal> FEES = List.of(new BigDecimal("5.50"), new BigDecimal("10.00"),
            new BigDecimal("15.00"), new BigDecimal("25.00"), new BigDecimal("50.00"));
    private static final DateTimeFormatter VOUCHER_MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    /** The remittance information of a credit, and whether it names an invoice or contract. */
    private record Memo(String text, List<String> invoiceNumbers, boolean referenced) {
    }

    private final World world;
    private final Customers customers;
    private final ReceivablePath path;
    private final List<InvoiceCase> open = new ArrayList<>();
    private final List<GroundTruth.PaymentAllocation> allocations = new ArrayList<>();
    private int vouchers;

    Payments(World world, Customers customers, ReceivablePath path) {
        this.world = world;
        this.customers = customers;
        this.path = path;
    }

    /** An invoice was issued: the customer pays it some weeks later (late payers much later). */
    void expect(InvoiceCase invoice) {
        open.add(invoice);
        double days = world.rng.chance(0.1) ? world.rng.uniform(60, 120) : world.rng.logNormal(14, 0.6);
        world.agenda.at(bankHours(days), () -> pay(invoice));
    }

    /** A moment some days from now when the interbank system books transfers: a working day, 09:00-16:30. */
    private Instant bankHours(double daysFromNow) {
        LocalDate day = world.calendar.date(world.now().plus(Duration.ofMinutes(Math.round(daysFromNow * 1440))));
        while (!world.calendar.isWorkday(day)) {
            day = day.plusDays(1);
        }
        return world.calendar.at(day, world.rng.uniform(9, 16.5));
    }

    List<GroundTruth.PaymentAllocation> allocations() {
        return Collections.unmodifiableList(allocations);
    }

    private void pay(InvoiceCase invoice) {
        if (invoice.settled()) {
            return;
        }
        List<InvoiceCase> covered = new ArrayList<>(List.of(invoice));
        Customer customer = invoice.contract.customer();
        if (world.rng.chance(0.6)) {
            open.stream().filter(i -> i != invoice && i.contract.customer() == customer && !i.settled())
                    .limit(2).forEach(covered::add);
        }
        BigDecimal due = covered.stream().map(i -> i.open).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean partial = covered.size() == 1 && invoice.open.compareTo(invoice.amount) == 0 && world.rng.chance(0.12);
        BigDecimal paid = partial
                ? due.multiply(BigDecimal.valueOf(world.rng.uniform(0.3, 0.7))).setScale(-2, RoundingMode.HALF_UP).setScale(2)
                : due;
        BigDecimal fee = world.rng.chance(0.1) ? world.rng.pick(FEES) : BigDecimal.ZERO.setScale(2);
        Company company = customer.company;
        String account = payerAccount(customer);
        Memo memo = memo(covered, partial);
        String payerName = world.rng.weighted(List.of(company.legalName(), company.shortName(), company.branchName(),
                company.englishName(), company.typoName(), company.pinyinName()), 56, 12, 10, 8, 9, 5);
        String reference = world.bank.book(new BankFeed.Credit(paid.subtract(fee), payerName, account, memo.text(),
                memo.invoiceNumbers(), world.rng.chance(0.2) ? "E2E" + world.rng.digits(14) : null, CREDIT_TRANSFER));
        BigDecimal left = paid;
        for (InvoiceCase each : covered) {
            BigDecimal part = left.min(each.open);
            each.open = each.open.subtract(part);
            left = left.subtract(part);
            allocations.add(new GroundTruth.PaymentAllocation(reference, each.id, each.invoiceNo, part));
            if (each.settled()) {
                open.remove(each);
            }
        }
        if (partial) {
            world.agenda.at(bankHours(world.rng.between(5, 20)), () -> pay(invoice));
        }
        boolean ambiguous = !memo.referenced() && !payerName.equals(company.legalName());
        Instant financeActs = world.calendar.afterWorking(world.now(), Duration.ofMinutes(world.rng.between(30, 480)));
        world.agenda.at(financeActs, () -> financeBooks(covered, customer, account, reference, ambiguous));
    }

    /** What the payer writes: structured invoice numbers, invoice or contract number in the memo, or nothing useful. */
    private Memo memo(List<InvoiceCase> covered, boolean partial) {
        double style = world.rng.uniform(0, 1);
        if (style < 0.12) {
            return new Memo(world.rng.pick(Phrases.BANK_MEMOS), covered.stream().map(i -> i.invoiceNo).toList(), true);
        }
        if (style < 0.55) {
            return new Memo(invoiceMemo(covered), List.of(), true);
        }
        if (style < 0.72) {
            String contractNo = covered.get(0).contract.contractNo;
            return new Memo(world.rng.chance(0.5) ? contractNo + "合同款" : "合同" + contractNo + (partial ? " 首付款" : " 货款"),
                    List.of(), true);
        }
        return new Memo(world.rng.chance(0.8) ? world.rng.pick(Phrases.BANK_MEMOS) : null, List.of(), false);
    }

    /** Finance books the money: learns the payer account, ticks the receivable step, decides doubtful matches. */
    private void financeBooks(List<InvoiceCase> covered, Customer customer, String account, String reference, boolean ambiguous) {
        Staff clerk = world.org.role("finance").get(1);
        customers.learnAccount(customer, account);
        if (ambiguous && world.rng.chance(0.6)) {
            for (InvoiceCase invoice : covered) {
                decide(reference, invoice.id, "confirm", clerk);
            }
        }
        for (InvoiceCase invoice : covered) {
            ContractCase contract = invoice.contract;
            if (!contract.booked) {
                contract.booked = true;
                String voucher = "记-" + VOUCHER_MONTH.format(world.calendar.date(world.now())) + "-" + String.format("%04d", ++vouchers);
                path.complete(contract, "finance_booked", voucher, clerk);
            }
            if (contract.fullyPaid() && !"completed".equals(world.crm.row("contracts", contract.id).get("status"))) {
                world.crm.update("contracts", contract.id, Values.of("status", "completed"));
            }
        }
    }

    private void decide(String reference, long invoiceId, String decision, Staff clerk) {
        world.crm.insert("payment_match_decisions", Values.of("id", world.crm.nextId("payment_match_decisions"),
                "bank_reference", reference, "invoice_id", invoiceId, "decision", decision,
                "decided_by", clerk.id(), "decided_at", world.now()));
    }

    /** Mostly a known account; sometimes another of the company's accounts, or a branch's nobody has seen. */
    private String payerAccount(Customer customer) {
        List<String> accounts = customer.company.accounts();
        double draw = world.rng.uniform(0, 1);
        if (draw >= 0.85) {
            return world.companies.account();
        }
        return accounts.size() > 1 && draw >= 0.7 ? accounts.get(1) : accounts.get(0);
    }

    private String invoiceMemo(List<InvoiceCase> covered) {
        List<String> numbers = covered.stream().map(i -> i.invoiceNo).toList();
        if (numbers.size() > 1) {
            return "发票号" + String.join(",", numbers);
        }
        String number = numbers.get(0);
        return world.rng.weighted(List.of("货款 " + number, number, "付" + number.replace("-", "") + "发票款",
                "支付发票" + number + "款项"), 40, 25, 15, 20);
    }

    /** Money that pays no invoice: interest, refunds, returned deposits, a transfer sent to the wrong company. */
    void unrelatedCredit() {
        double kind = world.rng.uniform(0, 1);
        if (kind < 0.3) {
            strangerCredit("深圳市速达物流有限公司", "运费退款", BigDecimal.valueOf(world.rng.between(20_000, 300_000), 2));
        } else if (kind < 0.55) {
            strangerCredit("广东省机电设备招标中心有限公司", "投标保证金退回", BigDecimal.valueOf(world.rng.between(10, 80) * 1000L).setScale(2));
        } else {
            Company stranger = world.companies.invent(world.rng.pick(City.ALL));
            BigDecimal amount = BigDecimal.valueOf(world.rng.between(5_000, 90_000)).setScale(2);
            String reference = strangerCredit(stranger.legalName(), world.rng.pick(Phrases.BANK_MEMOS), amount);
            if (!open.isEmpty() && world.rng.chance(0.5)) {
                // Suggested against an open invoice of a similar amount; finance rejects it.
                InvoiceCase suggested = open.stream()
                        .min((a, b) -> a.open.subtract(amount).abs().compareTo(b.open.subtract(amount).abs())).orElseThrow();
                Staff clerk = world.org.role("finance").get(1);
                world.agenda.at(world.calendar.afterWorking(world.now(), Duration.ofMinutes(world.rng.between(30, 300))),
                        () -> decide(reference, suggested.id, "reject", clerk));
            }
        }
    }

    /** The bank's quarterly interest (结息), credited on the 21st of March, June, September and December. */
    void interest() {
        world.bank.book(new BankFeed.Credit(BigDecimal.valueOf(world.rng.between(80_000, 400_000), 2),
                "招商银行股份有限公司深圳分行", null, "结息", List.of(), null, "ACMT/MDOP/INTR"));
    }

    private String strangerCredit(String payer, String memo, BigDecimal amount) {
        return world.bank.book(new BankFeed.Credit(amount, payer, world.companies.account(), memo, List.of(),
                null, CREDIT_TRANSFER));
    }
}
