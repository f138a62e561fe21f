package org.salesops.jobs.generator;

/** Generated companies shared by the test classes of one run: generating is the slow part. */
final class Companies {

    private static GeneratedCompany small;
    private static GeneratedCompany defaults;

    private Companies() {
    }

    static synchronized GeneratedCompany small() {
        if (small == null) {
            small = CompanyGenerator.generate(CompanyProfile.small());
        }
        return small;
    }

    static synchronized GeneratedCompany defaults() {
        if (defaults == null) {
            defaults = CompanyGenerator.generate(CompanyProfile.defaults());
        }
        return defaults;
    }
}
