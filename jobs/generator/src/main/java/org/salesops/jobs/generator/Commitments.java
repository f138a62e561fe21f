package org.salesops.jobs.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * The commitment register (承诺登记表): promises reps make on the phone, registered (or not) with a
 * DABE code, and kept on time, late, or not at all.
 */
final class Commitments {

    private static final DateTimeFormatter CODE_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final World world;
    private final Customers customers;
    private final Map<LocalDate, Integer> codesPerDay = new HashMap<>();

    Commitments(World world, Customers customers) {
        this.world = world;
        this.customers = customers;
    }

    /** A promise was just logged in a follow-up's notes; some are never registered. */
    void promised(Prospect prospect, Promise promise) {
        Staff owner = prospect.owner;
        double registers = owner.habits() == null ? 0.8 : owner.habits().registersPromises();
        if (!world.rng.chance(registers)) {
            return;
        }
        LocalDate saidOn = world.calendar.date(world.now());
        Duration delay = world.rng.chance(0.7) ? Duration.ofMinutes(world.rng.between(5, 120))
                : world.rng.chance(0.65) ? Duration.ofHours(world.rng.between(2, 20))
                : Duration.ofHours(world.rng.between(26, 60));
        world.agenda.at(world.now().plus(delay), () -> {
            if (!prospect.deleted) {
                register(prospect, owner, promise, saidOn);
            }
        });
    }

    private void register(Prospect prospect, Staff owner, Promise promise, LocalDate saidOn) {
        Customer customer = customers.of(prospect);
        LocalDate today = world.calendar.date(world.now());
        int number = codesPerDay.merge(today, 1, Integer::sum);
        String code = "DABE-" + CODE_DATE.format(today) + "-" + String.format("%03d", number);
        Instant dueAt = world.calendar.at(promise.dueDate(saidOn), 18, 0);
        String evidence = world.rng.chance(0.15) ? null : world.rng.chance(0.6)
                ? "REC-" + CODE_DATE.format(saidOn) + "-" + world.rng.digits(4)
                : "IMG-" + CODE_DATE.format(saidOn) + "-" + world.rng.digits(4) + ".png";
        long id = world.crm.nextId("commitments");
        world.crm.insert("commitments", Values.of("id", id, "code", code, "customer_id", customer.id,
                "opportunity_id", prospect.opportunityId(), "owner_id", owner.id(), "content", promise.registered(),
                "due_at", dueAt, "evidence_ref", evidence, "status", "open", "created_at", world.now()));
        if (world.rng.chance(0.08) && dueAt.isAfter(world.now().plus(Duration.ofHours(6)))) {
            postpone(id, dueAt);
            return;
        }
        double onTime = owner.habits() == null ? 0.8 : owner.habits().keepsPromisesOnTime();
        if (world.rng.chance(onTime) && dueAt.isAfter(world.now().plus(Duration.ofHours(1)))) {
            long window = Duration.between(world.now(), dueAt).toMinutes();
            fulfil(id, world.now().plus(Duration.ofMinutes(world.rng.between(30, (int) Math.max(31, window - 10)))));
        } else if (world.rng.chance(0.55)) {
            fulfil(id, (dueAt.isAfter(world.now()) ? dueAt : world.now()).plus(Duration.ofHours(world.rng.between(3, 96))));
        } else if (world.rng.chance(0.2)) {
            world.agenda.at(dueAt.plus(Duration.ofHours(world.rng.between(2, 72))), () -> world.crm.update(
                    "commitments", id, Values.of("status", "cancelled")));
        }
        // Otherwise it stays open: overdue once due_at passes.
    }

    /** 改期: hours before the promise falls due, the customer agrees to a later day; kept then, late, or not. */
    private void postpone(long id, Instant dueAt) {
        world.agenda.at(dueAt.minus(Duration.ofHours(world.rng.between(2, 5))), () -> {
            LocalDate day = world.calendar.date(dueAt);
            for (int i = world.rng.between(1, 4); i > 0; i--) {
                day = world.calendar.nextWorkday(day);
            }
            world.crm.update("commitments", id, Values.of("due_at", world.calendar.at(day, 18, 0)));
            if (world.rng.chance(0.7)) {
                fulfil(id, world.now().plus(Duration.ofHours(world.rng.between(3, 120))));
            }
        });
    }

    private void fulfil(long id, Instant at) {
        world.agenda.at(at, () -> world.crm.update("commitments", id,
                Values.of("status", "fulfilled", "fulfilled_at", world.now())));
    }
}
