package org.salesops.jobs.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * From signature to money: the contract with its payment path (filled at signing, within 24
 * hours, late, or never), the receivable steps (archived -> invoice sent -> customer signed ->
 * finance booked) with their evidence, installment invoices, and the delivery work scheduled.
 */
final class ContractFlow {

    static final List<String> STEPS = List.of("contract_archived", "invoice_sent", "customer_signed", "finance_booked");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final World world;
    private final CollabTasks tasks;
    private final ReceivablePath path;
    private final DeliverySlots deliverySlots;
    private final Payments payments;
    private int contractNumber = 117;
    private int invoiceNumber = 4_480;

    ContractFlow(World world, CollabTasks tasks, ReceivablePath path, DeliverySlots deliverySlots, Payments payments) {
        this.world = world;
        this.tasks = tasks;
        this.path = path;
        this.deliverySlots = deliverySlots;
        this.payments = payments;
    }

    /** The customer signs now: the opportunity is won. */
    void sign(Deal deal) {
        Staff owner = deal.prospect.owner;
        long id = world.crm.nextId("contracts");
        String contractNo = String.format("HT-%d-%05d", world.calendar.date(world.now()).getYear(), ++contractNumber);
        ContractCase contract = new ContractCase(id, contractNo, deal, deal.amount, installments(deal.amount));
        double fills = owner.habits() == null ? 0.7 : owner.habits().fillsPaymentPath();
        // The payment path is filled in at signing, later (mostly within the 24 hours the rule gives), or never.
        double draw = world.rng.uniform(0, 1);
        boolean pathNow = draw < fills * 0.6;
        boolean pathLater = !pathNow && draw < fills * 0.6 + (1 - fills * 0.6) * 0.75;
        world.crm.transaction(() -> {
            Map<String, Object> row = Values.of("id", id, "opportunity_id", deal.id,
                    "customer_id", deal.prospect.customer.id, "owner_id", owner.id(), "contract_no", contractNo,
                    "amount", deal.amount, "currency", "CNY",
                    "commission_rate", BigDecimal.valueOf(world.rng.between(300, 800), 4),
                    "signed_at", world.now(), "status", "signed");
            if (pathNow) {
                row.putAll(paymentPath(deal));
            }
            world.crm.insert("contracts", row);
            for (String step : STEPS) {
                long stepId = world.crm.nextId("receivable_steps");
                world.crm.insert("receivable_steps", Values.of("id", stepId, "contract_id", id, "step", step));
                contract.steps.put(step, stepId);
            }
            deal.stage = "won";
            world.crm.update("opportunities", deal.id, Values.of("stage", "won"));
        });
        if (pathLater) {
            Duration delay = world.rng.chance(0.6) ? Duration.ofMinutes(world.rng.between(90, 22 * 60))
                    : Duration.ofMinutes(world.rng.between(26 * 60, 120 * 60));
            world.agenda.at(world.now().plus(delay), () -> world.crm.update("contracts", id, paymentPath(deal)));
        }
        double archiveDays = world.rng.chance(0.1) ? world.rng.uniform(4, 6) : world.rng.uniform(0.2, 3);
        world.agenda.at(world.calendar.afterWorking(world.now(), workdays(archiveDays)), () -> archive(contract));
        deliver(deal);
    }

    /** The payment-path fields; sometimes only some of them. */
    private Map<String, Object> paymentPath(Deal deal) {
        PersonName contact = world.names.any();
        Company company = deal.prospect.company;
        String domain = company.pinyinName().toLowerCase(Locale.ROOT).replace(" ", "") + ".com";
        Phone phone = world.rng.chance(0.6) ? world.phones.landline(company.city()) : world.phones.mobile();
        boolean partial = world.rng.chance(0.2);
        return Values.of("finance_contact_name", contact.chinese(), "finance_contact_phone", phone.typed(world.rng),
                "finance_contact_email", partial ? null : contact.givenPinyin() + "." + contact.surnamePinyin() + "@" + domain,
                "expected_payment_date", partial ? null : world.calendar.date(world.now()).plusDays(world.rng.between(25, 60)),
                "payment_obstacles", world.rng.chance(0.5) ? world.rng.pick(Phrases.PAYMENT_OBSTACLES) : null);
    }

    private void archive(ContractCase contract) {
        Staff clerk = world.org.role("finance").get(1);
        world.crm.transaction(() -> {
            path.complete(contract, "contract_archived", "ARCH-" + contract.contractNo, clerk);
            world.crm.update("contracts", contract.id, Values.of("status", "active"));
        });
        Instant draft = world.calendar.afterWorking(world.now(), workdays(world.rng.uniform(0.2, 2)));
        world.agenda.at(draft, () -> invoice(contract, 0));
    }

    /** Drafts the installment's invoice, issues it a few hours later and sends it to the customer. */
    private void invoice(ContractCase contract, int installment) {
        long id = world.crm.nextId("invoices");
        String invoiceNo = String.format("INV-%d-%06d", world.calendar.date(world.now()).getYear(), ++invoiceNumber);
        BigDecimal amount = contract.installments.get(installment);
        InvoiceCase invoice = new InvoiceCase(id, invoiceNo, contract, amount);
        contract.invoices.add(invoice);
        world.crm.insert("invoices", Values.of("id", id, "contract_id", contract.id, "customer_id", contract.customer().id,
                "invoice_no", invoiceNo, "amount", amount, "currency", "CNY", "status", "draft"));
        world.agenda.at(world.calendar.afterWorking(world.now(), Duration.ofMinutes(world.rng.between(60, 360))), () -> {
            LocalDate issued = world.calendar.date(world.now());
            world.crm.update("invoices", id, Values.of("status", "issued", "issued_at", world.now(),
                    "due_date", issued.plusDays(30)));
            payments.expect(invoice);
            if (installment == 0) {
                sendFirstInvoice(contract);
            }
            if (installment + 1 < contract.installments.size()) {
                world.agenda.at(world.now().plus(Duration.ofDays(world.rng.between(7, 30))),
                        () -> invoice(contract, installment + 1));
            }
        });
    }

    private void sendFirstInvoice(ContractCase contract) {
        Staff owner = contract.deal.prospect.owner;
        double days = world.rng.chance(0.12) ? world.rng.uniform(3, 5) : world.rng.uniform(0.3, 2);
        world.agenda.at(world.calendar.afterWorking(world.now(), workdays(days)), () -> {
            path.complete(contract, "invoice_sent", "SF" + world.rng.digits(12), owner);
            Instant signed = world.calendar.afterWorking(world.now(), workdays(world.rng.uniform(0.5, 4)));
            world.agenda.at(signed, () -> path.complete(contract, "customer_signed",
                    "SIGN-" + DAY.format(world.calendar.date(world.now())) + "-" + contract.contractNo + ".png", owner));
        });
    }

    /** Confirms the tentative delivery slots, schedules the work and the hand-over to customer success. */
    private void deliver(Deal deal) {
        Staff deliveryHead = world.org.first("delivery");
        long scheduling = tasks.open(deal, "delivery_schedule", "sales", deliveryHead, null);
        if (deal.tentativeSchedules.isEmpty()) {
            // Agreed before anyone asked delivery: the slot is pencilled in only now.
            deliverySlots.reserve(deal);
        }
        List<Long> slots = new ArrayList<>(deal.tentativeSchedules);
        deal.tentativeSchedules.clear();
        world.agenda.at(world.calendar.afterWorking(world.now(), workdays(world.rng.uniform(0.5, 3))), () -> {
            for (long slot : slots) {
                world.crm.update("delivery_schedule", slot, Values.of("status", "confirmed"));
                LocalDate endDate = (LocalDate) world.crm.row("delivery_schedule", slot).get("end_date");
                if (world.rng.chance(0.75)) {
                    // The rest are never marked done: the schedules nobody updates.
                    world.agenda.at(world.calendar.at(endDate, world.rng.uniform(17, 20)), () ->
                            world.crm.update("delivery_schedule", slot, Values.of("status", "done")));
                }
                Staff success = world.rng.pick(world.org.role("customer_success"));
                world.agenda.at(world.calendar.at(endDate, 10, 0), () -> {
                    long onboarding = tasks.open(deal, "onboarding", "delivery", success, null);
                    world.agenda.at(world.calendar.afterWorking(world.now(), workdays(world.rng.uniform(0.5, 5))),
                            () -> tasks.finish(deal, onboarding));
                });
            }
            tasks.finish(deal, scheduling);
        });
    }

    private List<BigDecimal> installments(BigDecimal amount) {
        List<double[]> plans = List.of(new double[] {1.0}, new double[] {0.3, 0.7}, new double[] {0.5, 0.5},
                new double[] {0.3, 0.6, 0.1});
        double[] shares = world.rng.weighted(plans, 45, 30, 10, 15);
        List<BigDecimal> parts = new ArrayList<>();
        BigDecimal left = amount;
        for (int i = 0; i < shares.length - 1; i++) {
            BigDecimal part = amount.multiply(BigDecimal.valueOf(shares[i])).setScale(2, RoundingMode.HALF_UP);
            parts.add(part);
            left = left.subtract(part);
        }
        parts.add(left);
        return List.copyOf(parts);
    }

    private static Duration workdays(double days) {
        return Duration.ofMinutes(Math.max(20, Math.round(days * 540)));
    }
}
