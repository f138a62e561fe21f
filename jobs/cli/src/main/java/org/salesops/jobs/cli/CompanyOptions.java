package org.salesops.jobs.cli;

import java.time.LocalDate;
import org.salesops.jobs.generator.CompanyProfile;
import picocli.CommandLine.Option;

/** The size and seed of the generated company (defaults: the demo company, a month of activity). */
public class CompanyOptions {

    @Option(names = "--days", description = "Days of live activity (default: 30).")
    Integer days;

    @Option(names = "--seed", description = "Seed: the same seed gives the same company (default: 20260302).")
    Long seed;

    @Option(names = "--reps", description = "Sales reps at the start, at least 3 (default: 18).")
    Integer reps;

    @Option(names = "--start", description = "First live day, yyyy-MM-dd (default: 2026-03-02).")
    LocalDate start;

    CompanyProfile profile() {
        CompanyProfile d = CompanyProfile.defaults();
        return new CompanyProfile(seed != null ? seed : d.seed(), start != null ? start : d.startDate(),
                days != null ? days : d.days(), d.historyDays(), reps != null ? reps : d.reps(),
                d.leadsPerDay() * (reps != null ? (double) reps / d.reps() : 1.0), d.existingCustomers());
    }
}
