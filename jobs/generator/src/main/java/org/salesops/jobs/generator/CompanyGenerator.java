package org.salesops.jobs.generator;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.salesops.pipelines.crm.CrmSchema;

/**
 * Simulates a Chinese B2B company (the seed's Shenzhen industrial-parts firm): reps in three
 * regional teams working leads from Douyin, the website, trade fairs and referrals, deals through
 * presales and delivery, contracts, invoices and the money that pays them. Deterministic: the same
 * profile always yields the same company.
 */
public final class CompanyGenerator {

    private CompanyGenerator() {
    }

    public static GeneratedCompany generate(CompanyProfile profile) {
        World world = new World(profile, CrmSchema.load());
        Customers customers = new Customers(world);
        DailyReports reports = new DailyReports(world);
        Conversations conversations = new Conversations(world, new Commitments(world, customers), reports);
        CollabTasks tasks = new CollabTasks(world);
        ReceivablePath path = new ReceivablePath(world);
        Payments payments = new Payments(world, customers, path);
        DeliverySlots slots = new DeliverySlots(world);
        DealFlow deals = new DealFlow(world, conversations, tasks, slots, new ContractFlow(world, tasks, path, slots, payments));
        LeadFlow leads = new LeadFlow(world, customers, conversations, deals, new StatusChangeRequests(world));
        LeadArrivals arrivals = new LeadArrivals(world, leads);
        Chatter chatter = new Chatter(world, leads::openLeads);
        BulkStatusFlip bulkFlip = new BulkStatusFlip(world);
        Hiring hiring = new Hiring(world);

        hiring.found(profile.reps());
        List<Staff> founders = world.org.reps();
        long historyMinutes = Duration.between(world.historyStart, world.end).toMinutes();
        for (int i = 0; i < profile.existingCustomers(); i++) {
            Customer customer = customers.register(world.companies.invent(world.rng.pick(City.ALL)));
            if (world.rng.chance(0.5)) {
                deals.repeatBusiness(customer, "contract");
            }
            if (world.rng.chance(0.6)) {
                long offset = world.rng.between(0, (int) Math.max(1, historyMinutes - 5 * 1440));
                world.agenda.at(world.calendar.nextOfficeMoment(world.historyStart.plus(Duration.ofMinutes(offset))),
                        () -> deals.repeatBusiness(customer, "needs_analysis"));
            }
        }
        for (LocalDate day = world.calendar.date(world.historyStart); day.isBefore(profile.startDate().plusDays(profile.days()));
             day = day.plusDays(1)) {
            LocalDate today = day;
            world.agenda.at(world.calendar.at(today, 0, 1), () -> {
                arrivals.planDay(today);
                reports.planDay(today);
                chatter.planDay(today);
                if (world.calendar.isWorkday(today) && world.rng.chance(0.25)) {
                    world.agenda.at(world.calendar.at(today, world.rng.uniform(9.5, 16.5)), payments::unrelatedCredit);
                }
                if (today.getDayOfMonth() == 21 && today.getMonthValue() % 3 == 0) {
                    world.agenda.at(world.calendar.at(today, 9, 5), payments::interest);
                }
            });
        }
        world.agenda.at(world.snapshotAt, world.crm::snapshot);
        LocalDate hireDay = liveWorkday(world, Math.min(3, profile.days() - 1));
        if (hireDay != null) {
            world.agenda.at(world.calendar.at(hireDay, 9, 30), () -> leads.handOver(hiring.hireRep("华南", RepHabits.draw(world.rng))));
        }
        LocalDate flipDay = liveWorkday(world, profile.days() * 3 / 5);
        if (flipDay != null) {
            bulkFlip.plan(founders.get(Math.min(World.NEGLECTFUL, founders.size() - 1)), flipDay);
        }

        world.agenda.runUntil(world.end);

        List<MalformedPayload> malformed = new MalformedInputs(world).create();
        GroundTruth truth = new GroundTruthBuilder(world).build(world.crm.changes(), world.telephony.calls(),
                world.bank.notifications(), malformed, conversations.callFollowUps(), leads.backDated(),
                bulkFlip.flips(), payments.allocations());
        return new GeneratedCompany(profile, world.crm.changes(), world.telephony.calls(), world.bank.notifications(),
                malformed, truth);
    }

    /** The first working day on or after the given day of the live period, if the period has one. */
    private static LocalDate liveWorkday(World world, int dayIndex) {
        LocalDate end = world.profile.startDate().plusDays(world.profile.days());
        LocalDate day = world.profile.startDate().plusDays(dayIndex);
        while (day.isBefore(end) && !world.calendar.isWorkday(day)) {
            day = day.plusDays(1);
        }
        return day.isBefore(end) ? day : null;
    }
}
