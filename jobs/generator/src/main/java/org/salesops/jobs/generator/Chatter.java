package org.salesops.jobs.generator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The calls that are not about a lead's first contact: supervisors spot-checking leads, reps
 * ringing customers and suppliers whose numbers are on no lead, wrong numbers coming in, and desk
 * calls between colleagues. They make matching by number and by owner necessary.
 */
final class Chatter {

    private final World world;
    private final Function<String, List<Prospect>> openLeads;

    Chatter(World world, Function<String, List<Prospect>> openLeads) {
        this.world = world;
        this.openLeads = openLeads;
    }

    void planDay(LocalDate day) {
        if (!world.calendar.isWorkday(day)) {
            return;
        }
        for (String region : City.REGIONS) {
            if (world.rng.chance(0.6)) {
                world.agenda.at(officeTime(day), () -> spotCheck(region));
            }
        }
        for (int i = world.rng.poisson(2); i > 0; i--) {
            world.agenda.at(officeTime(day), () -> {
                Staff rep = world.rng.pick(world.org.reps());
                world.telephony.call(rep, world.phones.landline(world.rng.pick(City.in(rep.region()))), true,
                        Telephony.Outcome.ANSWERED, world.rng.between(40, 400), call -> { });
            });
        }
        for (int i = world.rng.poisson(1.5); i > 0; i--) {
            world.agenda.at(officeTime(day), () -> world.telephony.call(world.rng.pick(world.org.reps()), world.phones.mobile(),
                    false, world.rng.chance(0.7) ? Telephony.Outcome.ANSWERED : Telephony.Outcome.NO_ANSWER,
                    world.rng.between(8, 45), call -> { }));
        }
        List<Staff> colleagues = List.of(world.org.first("presales"), world.org.first("delivery"), world.org.first("finance"));
        for (int i = world.rng.poisson(3); i > 0; i--) {
            world.agenda.at(officeTime(day), () -> world.telephony.internal(world.rng.pick(world.org.reps()),
                    world.rng.pick(colleagues), world.rng.between(30, 600)));
        }
    }

    /** The supervisor calls one of the team's open leads to hear how it was handled: a call by someone not the owner. */
    private void spotCheck(String region) {
        List<Prospect> candidates = openLeads.apply(region).stream().filter(p -> p.phone != null).toList();
        if (candidates.isEmpty()) {
            return;
        }
        Prospect prospect = world.rng.pick(candidates);
        Staff supervisor = world.org.supervisor(region);
        world.telephony.call(supervisor, prospect.phone, true, Telephony.Outcome.ANSWERED, world.rng.between(60, 300),
                call -> world.ledger.connectedCall(prospect.leadId, supervisor.id(), call.startedAt(), call.endedAt()));
    }

    private Instant officeTime(LocalDate day) {
        return world.calendar.at(day, world.rng.uniform(9.2, 17.8));
    }
}
