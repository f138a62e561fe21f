package org.salesops.jobs.generator;

import java.time.LocalDate;

/**
 * What company to simulate. The company's CRM history before {@code startDate} reaches the
 * pipeline as Debezium's initial snapshot; calls and bank credits of that history are in the
 * output too (the telephone and bank archives), so that deals, invoices and payments are under
 * way on day one.
 *
 * @param seed              everything random is drawn from this; same seed, same company
 * @param startDate         first day of the live period (Asia/Shanghai); the snapshot is taken that morning
 * @param days              length of the live period in days (weekends included, and quieter)
 * @param historyDays       days of history before the snapshot
 * @param reps              sales reps at the start, spread over three regional teams (one more is hired during the live period)
 * @param leadsPerDay       new leads on an average working day, all channels together
 * @param existingCustomers customers already on the books when the history starts (repeat business)
 */
public record CompanyProfile(long seed, LocalDate startDate, int days, int historyDays, int reps,
                             double leadsPerDay, int existingCustomers) {

    public CompanyProfile {
        if (days < 1 || historyDays < 0 || reps < 3 || leadsPerDay <= 0 || existingCustomers < 0) {
            throw new IllegalArgumentException("profile needs days >= 1, historyDays >= 0, reps >= 3 (one per team), "
                    + "leadsPerDay > 0 and existingCustomers >= 0");
        }
    }

    /** The company of the embedded demo: 18 reps, 30 days from Monday 2026-03-02, six weeks of history. */
    public static CompanyProfile defaults() {
        return new CompanyProfile(20260302L, LocalDate.of(2026, 3, 2), 30, 42, 18, 36, 40);
    }

    /** A smaller company for fast tests: 15 reps, one live week, three weeks of history. */
    public static CompanyProfile small() {
        return new CompanyProfile(20260302L, LocalDate.of(2026, 3, 2), 7, 21, 15, 30, 15);
    }

    /**
     * A company the pipeline's authors did not tune against: another seed (so other people, habits and
     * customers), nine reps, and a fortnight over China's Labour Day holiday (1-5 May 2026) with its
     * make-up Saturday (9 May), so deadlines and business hours cross days off and a worked weekend.
     */
    public static CompanyProfile heldOut() {
        return new CompanyProfile(7_340_981L, LocalDate.of(2026, 4, 27), 14, 14, 9, 24, 12);
    }

    public CompanyProfile withSeed(long newSeed) {
        return new CompanyProfile(newSeed, startDate, days, historyDays, reps, leadsPerDay, existingCustomers);
    }

    public CompanyProfile withDays(int newDays) {
        return new CompanyProfile(seed, startDate, newDays, historyDays, reps, leadsPerDay, existingCustomers);
    }
}
