package org.salesops.jobs.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeterminismTest {

    @Test
    void theSameSeedGivesTheSameCompany() {
        GeneratedCompany first = Companies.small();
        GeneratedCompany again = CompanyGenerator.generate(CompanyProfile.small());

        assertThat(again.crmChanges()).isEqualTo(first.crmChanges());
        assertThat(again.calls()).isEqualTo(first.calls());
        assertThat(again.bankNotifications()).isEqualTo(first.bankNotifications());
        assertThat(again.malformedPayloads()).isEqualTo(first.malformedPayloads());
        assertThat(again.groundTruth()).isEqualTo(first.groundTruth());
        assertThat(again.groundTruth().toJson()).isEqualTo(first.groundTruth().toJson());
    }

    @Test
    void anotherSeedGivesAnotherCompany() {
        GeneratedCompany first = Companies.small();
        GeneratedCompany other = CompanyGenerator.generate(CompanyProfile.small().withSeed(7));

        assertThat(other.crmChanges()).isNotEqualTo(first.crmChanges());
        assertThat(other.calls()).isNotEqualTo(first.calls());
        assertThat(other.groundTruth().leadAssignments()).isNotEqualTo(first.groundTruth().leadAssignments());
        // Same shape of company all the same: the profile, not the seed, sets the scale.
        assertThat(other.groundTruth().leadsPerChannel().keySet()).isEqualTo(first.groundTruth().leadsPerChannel().keySet());
    }
}
