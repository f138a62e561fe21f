package org.salesops.jobs.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opportunities from qualification to won or lost: stage changes after a few working days (some
 * stall), the presales task with its two-working-day SLA, quotes and the customer's feedback
 * (within 24 hours, later, or never), the revised quote, the delivery checks before signing.
 */
final class DealFlow {

    private final World world;
    private final Conversations conversations;
    private final CollabTasks tasks;
    private final DeliverySlots slots;
    private final ContractFlow contracts;

    DealFlow(World world, Conversations conversations, CollabTasks tasks, DeliverySlots slots, ContractFlow contracts) {
        this.world = world;
        this.conversations = conversations;
        this.tasks = tasks;
        this.slots = slots;
        this.contracts = contracts;
    }

    /** A qualified lead becomes an opportunity (inside the lead's conversion transaction). */
    void open(Prospect prospect) {
        Deal deal = new Deal(world.crm.nextId("opportunities"), prospect, "qualification");
        prospect.deal = deal;
        if (world.rng.chance(0.6)) {
            deal.amount = estimate();
        }
        insert(deal);
        plan(deal);
    }

    /**
     * An existing customer buys again: no lead. A new need starts at needs analysis; a deal already
     * agreed when the CRM's history starts enters at the contract stage.
     */
    void repeatBusiness(Customer customer, String stage) {
        Company company = customer.company;
        Prospect prospect = new Prospect(null, null, world.phones.mobile(), world.names.any(),
                world.rng.pick(Phrases.TITLES), company, world.rng.pick(Phrases.PRODUCTS));
        prospect.customer = customer;
        prospect.owner = world.rng.pick(world.org.reps(company.city().region()));
        prospect.assignment = 1;
        Deal deal = new Deal(world.crm.nextId("opportunities"), prospect, stage);
        prospect.deal = deal;
        deal.amount = estimate();
        insert(deal);
        plan(deal);
    }

    private void insert(Deal deal) {
        Prospect prospect = deal.prospect;
        LocalDate expected = world.calendar.date(world.now()).plusDays(world.rng.between(30, 75));
        world.crm.insert("opportunities", Values.of("id", deal.id, "lead_id", prospect.leadId,
                "customer_id", prospect.customer.id, "owner_id", prospect.owner.id(), "stage", deal.stage,
                "amount", deal.amount, "currency", "CNY", "expected_close_date", expected, "created_at", world.now()));
    }

    /** The next stage decision after a dwell of a few working days, with a conversation half-way. */
    private void plan(Deal deal) {
        double workdays = world.rng.logNormal(2.2, 0.5) + (world.rng.chance(0.12) ? world.rng.between(3, 6) : 0);
        Duration dwell = Duration.ofMinutes(Math.round(workdays * 540));
        world.agenda.at(world.calendar.afterWorking(world.now(), dwell.dividedBy(2)), () -> touch(deal));
        world.agenda.at(world.calendar.afterWorking(world.now(), dwell), () -> {
            if (!deal.closed()) {
                advance(deal);
            }
        });
    }

    private void touch(Deal deal) {
        if (deal.closed()) {
            return;
        }
        String type = world.rng.weighted(List.of("call", "visit", "meeting", "wechat", "email"), 50, 15, 15, 12, 8);
        if (type.equals("call")) {
            conversations.phone(deal.prospect, 2, reached -> { });
        } else {
            conversations.withoutCall(deal.prospect, type, () -> { });
        }
    }

    private void advance(Deal deal) {
        switch (deal.stage) {
            case "qualification" -> {
                if (world.rng.chance(0.12)) {
                    lose(deal);
                    return;
                }
                if (deal.amount == null) {
                    deal.amount = estimate();
                }
                stage(deal, "needs_analysis", Values.of("amount", deal.amount));
            }
            case "needs_analysis" -> {
                if (world.rng.chance(0.12)) {
                    lose(deal);
                    return;
                }
                stage(deal, "solution", Values.of());
                presalesTask(deal);
            }
            case "solution" -> {
                if (deal.presalesDone) {
                    quote(deal, deal.amount.multiply(BigDecimal.valueOf(world.rng.uniform(0.95, 1.1))), false);
                    return;
                }
            }
            case "quote" -> {
                if (deal.quoteFeedback != null) {
                    if (world.rng.chance(deal.quoteFeedback.equals("price_objection") ? 0.35 : 0.18)) {
                        lose(deal);
                        return;
                    }
                    stage(deal, "negotiation", Values.of());
                } else if (world.rng.chance(0.5)) {
                    // Moved on without the customer's feedback on record: a key-node violation.
                    stage(deal, "negotiation", Values.of());
                } else if (++deal.waits >= 3) {
                    lose(deal);
                    return;
                }
            }
            case "negotiation" -> {
                // A quote the customer accepted as it was needs no more haggling.
                if (!"accepted".equals(deal.quoteFeedback)) {
                    if (world.rng.chance(0.5)) {
                        quote(deal, deal.quoteAmount.multiply(BigDecimal.valueOf(world.rng.uniform(0.88, 0.97))), true);
                    } else {
                        world.crm.update("quotes", deal.quoteId, Values.of("status", "accepted"));
                    }
                }
                stage(deal, "contract", Values.of("amount", deal.quoteAmount));
                deal.amount = deal.quoteAmount;
                contractChecks(deal);
            }
            case "contract" -> {
                if (world.rng.chance(0.1)) {
                    lose(deal);
                    return;
                }
                contracts.sign(deal);
                return;
            }
            default -> throw new IllegalStateException("no next stage after " + deal.stage);
        }
        plan(deal);
    }

    private void stage(Deal deal, String stage, Map<String, Object> more) {
        deal.stage = stage;
        Map<String, Object> values = new LinkedHashMap<>(more);
        values.put("stage", stage);
        world.crm.update("opportunities", deal.id, values);
    }

    private void lose(Deal deal) {
        world.crm.transaction(() -> {
            stage(deal, "lost", Values.of("loss_reason", world.rng.pick(Phrases.DEAL_LOSS_REASONS)));
            for (long task : deal.openTasks) {
                world.crm.update("collab_tasks", task, Values.of("status", "cancelled"));
            }
            for (long schedule : deal.tentativeSchedules) {
                world.crm.update("delivery_schedule", schedule, Values.of("status", "cancelled"));
            }
        });
        deal.openTasks.clear();
        deal.tentativeSchedules.clear();
    }

    /** Sales hands the solution to presales; presales answers within two working days, mostly. */
    private void presalesTask(Deal deal) {
        Staff presales = world.rng.pick(world.org.role("presales"));
        long task = tasks.open(deal, "presales_solution", "sales", presales, new BigDecimal("2.0"));
        world.telephony.internal(deal.prospect.owner, presales, world.rng.between(60, 600));
        double pickup = world.rng.chance(0.15) ? world.rng.uniform(3, 5) : world.rng.logNormal(0.6, 0.8);
        Instant started = world.calendar.afterWorking(world.now(), Duration.ofMinutes(Math.max(30, Math.round(pickup * 540))));
        world.agenda.at(started, () -> {
            if (deal.closed()) {
                return;
            }
            tasks.start(task);
            Instant done = world.calendar.afterWorking(world.now(), Duration.ofMinutes(world.rng.between(540, 4 * 540)));
            world.agenda.at(done, () -> {
                if (!deal.closed()) {
                    tasks.finish(deal, task);
                    deal.presalesDone = true;
                }
            });
        });
    }

    private void contractChecks(Deal deal) {
        Staff deliveryHead = world.org.first("delivery");
        long check = tasks.open(deal, "delivery_commitment_check", "sales", deliveryHead, new BigDecimal("2.0"));
        double days = world.rng.chance(0.15) ? world.rng.uniform(3, 6) : world.rng.uniform(0.3, 2);
        world.agenda.at(world.calendar.afterWorking(world.now(), Duration.ofMinutes(Math.round(days * 540))), () -> {
            if (!deal.lost()) {
                tasks.finish(deal, check);
            }
        });
        if (world.rng.chance(0.5)) {
            long review = tasks.open(deal, "technical_review", "sales", world.rng.pick(world.org.role("presales")), new BigDecimal("1.0"));
            world.agenda.at(world.calendar.afterWorking(world.now(), Duration.ofMinutes(world.rng.between(120, 900))), () -> {
                if (!deal.lost()) {
                    tasks.finish(deal, review);
                }
            });
        }
        slots.reserve(deal);
    }

    /** A quote drafted now, sent a few hours later; the customer answers within a day, later, or never. */
    private void quote(Deal deal, BigDecimal amount, boolean revision) {
        BigDecimal rounded = amount.setScale(-2, RoundingMode.HALF_UP).setScale(2);
        long id = world.crm.nextId("quotes");
        Long previous = deal.quoteId;
        world.crm.insert("quotes", Values.of("id", id, "opportunity_id", deal.id, "owner_id", deal.prospect.owner.id(),
                "amount", rounded, "currency", "CNY", "status", "draft"));
        deal.quoteId = id;
        deal.quoteAmount = rounded;
        deal.quoteFeedback = null;
        world.agenda.at(world.calendar.afterWorking(world.now(), Duration.ofMinutes(world.rng.between(30, 360))), () -> {
            if (deal.closed()) {
                return;
            }
            world.crm.transaction(() -> {
                world.crm.update("quotes", id, Values.of("status", "sent", "sent_at", world.now()));
                if (previous != null) {
                    world.crm.update("quotes", previous, Values.of("status", "rejected"));
                }
            });
            if (revision) {
                world.agenda.at(world.now().plus(Duration.ofHours(world.rng.between(3, 60))), () -> {
                    if (!deal.closed()) {
                        world.crm.update("quotes", id, Values.of("status", "accepted", "feedback_type", "accepted",
                                "feedback_at", world.now()));
                    }
                });
                return;
            }
            stage(deal, "quote", Values.of());
            double draw = world.rng.uniform(0, 1);
            if (draw < 0.82) {
                Duration wait = draw < 0.62 ? Duration.ofMinutes(world.rng.between(60, 22 * 60))
                        : Duration.ofMinutes(world.rng.between(26 * 60, 90 * 60));
                world.agenda.at(world.now().plus(wait), () -> feedback(deal, id));
            }
            plan(deal);
        });
    }

    private void feedback(Deal deal, long quoteId) {
        if (deal.closed() || deal.quoteId != quoteId) {
            return;
        }
        String type = world.rng.weighted(List.of("price_objection", "feature_doubt", "decision_chain_unclear", "accepted"),
                40, 25, 20, 15);
        deal.quoteFeedback = type;
        world.crm.update("quotes", quoteId, Values.of("feedback_type", type, "feedback_at", world.now(),
                "status", type.equals("accepted") ? "accepted" : "sent"));
    }

    private BigDecimal estimate() {
        double amount = Math.max(20_000, Math.min(3_000_000, world.rng.logNormal(180_000, 0.8)));
        return BigDecimal.valueOf(Math.round(amount / 1000) * 1000L).setScale(2);
    }
}
