package org.salesops.jobs.generator;

import java.nio.file.Path;

/**
 * Generates a company and prints its size; optionally writes the ground truth.
 * Usage: {@code GenerateCompany [seed] [days] [ground-truth.json]}.
 */
public final class GenerateCompany {

    private GenerateCompany() {
    }

    public static void main(String[] args) {
        CompanyProfile profile = CompanyProfile.defaults();
        if (args.length > 0) {
            profile = profile.withSeed(Long.parseLong(args[0]));
        }
        if (args.length > 1) {
            profile = profile.withDays(Integer.parseInt(args[1]));
        }
        long started = System.nanoTime();
        GeneratedCompany company = CompanyGenerator.generate(profile);
        System.out.printf("generated in %d ms: %s%n", (System.nanoTime() - started) / 1_000_000, company.sizes());
        if (args.length > 2) {
            company.groundTruth().writeJson(Path.of(args[2]));
            System.out.println("ground truth written to " + args[2]);
        }
    }
}
