package org.salesops.jobs.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Delivery engineers' time, pencilled in for a deal (tentative) before it is confirmed at signing. */
final class DeliverySlots {

    private final World world;

    DeliverySlots(World world) {
        this.world = world;
    }

    /** Reserves an engineer for a stretch starting two to four weeks out. */
    void reserve(Deal deal) {
        List<Staff> delivery = world.org.role("delivery");
        // The first delivery colleague is the head who schedules; the others deliver.
        Staff engineer = delivery.get(world.rng.between(1, delivery.size() - 1));
        LocalDate start = world.calendar.nextWorkday(world.calendar.date(world.now()).plusDays(world.rng.between(10, 25)));
        long id = world.crm.nextId("delivery_schedule");
        world.crm.insert("delivery_schedule", Values.of("id", id, "opportunity_id", deal.id,
                "assignee_id", engineer.id(), "start_date", start, "end_date", start.plusDays(world.rng.between(3, 12)),
                "hours_per_day", new BigDecimal(world.rng.pick(List.of("4.0", "6.0", "8.0"))), "status", "tentative"));
        deal.tentativeSchedules.add(id);
    }
}
