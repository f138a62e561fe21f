package org.salesops.jobs.generator;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * When leads come in: Douyin around the clock with an evening peak (the most, and the weakest),
 * website forms during the day, referrals on working days (few, and the best), and a trade fair
 * every two weeks whose visitors reps type in over the following days.
 */
final class LeadArrivals {

    private final World world;
    private final LeadFlow leads;
    private final LocalDate firstExpo;

    LeadArrivals(World world, LeadFlow leads) {
        this.world = world;
        this.leads = leads;
        this.firstExpo = world.calendar.date(world.historyStart).plusDays(2)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
    }

    void planDay(LocalDate day) {
        boolean workday = world.calendar.isWorkday(day);
        double perDay = world.profile.leadsPerDay();
        arrivals(day, "douyin", perDay * 0.45 * (workday ? 1 : 0.7), true);
        arrivals(day, "website", perDay * 0.25 * (workday ? 1 : 0.35), false);
        arrivals(day, "referral", perDay * (workday ? 0.12 : 0.01), false);
        long sinceFirst = ChronoUnit.DAYS.between(firstExpo, day);
        if (sinceFirst >= 0 && sinceFirst % 14 == 0) {
            expo(day, (int) (sinceFirst / 14));
        }
    }

    private void arrivals(LocalDate day, String channel, double mean, boolean evenings) {
        for (int i = world.rng.poisson(mean); i > 0; i--) {
            double hour = evenings && world.rng.chance(0.45) ? world.rng.uniform(19, 23.9)
                    : channel.equals("referral") ? world.rng.uniform(9, 18) : world.rng.uniform(8, 21);
            world.agenda.at(world.calendar.at(day, hour), () -> leads.arrive(channel));
        }
    }

    /** A two-day fair (Thursday and Friday) in the region's main city; reps enter their cards afterwards. */
    private void expo(LocalDate thursday, int number) {
        String region = City.REGIONS.get(number % City.REGIONS.size());
        City city = City.in(region).get(0);
        int visitors = world.rng.poisson(world.profile.leadsPerDay() * 0.15 * 14);
        Instant fairEnds = world.calendar.at(thursday.plusDays(1), 18, 0);
        for (int i = 0; i < visitors; i++) {
            Instant met = world.calendar.at(thursday.plusDays(world.rng.between(0, 1)), world.rng.uniform(9.5, 17));
            Staff rep = world.rng.pick(world.org.reps(region));
            // Some type their cards in that evening; most in the office over the next days (back-dated).
            Instant entered = world.rng.chance(0.3) ? met.plus(Duration.ofMinutes(world.rng.between(150, 420)))
                    : world.calendar.afterWorking(fairEnds, Duration.ofMinutes(world.rng.between(30, 3 * 540)));
            world.agenda.at(entered, () -> leads.enteredAfterExpo(rep, city, met));
        }
    }
}
