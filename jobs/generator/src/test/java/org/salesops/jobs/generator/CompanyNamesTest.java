package org.salesops.jobs.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompanyNamesTest {

    private static final City SHANGHAI = City.ALL.get(0);

    /** One city holds 41 x 14 x 2 = 1,148 plain names: this asks for 30 times as many. */
    private static final int MORE_THAN_PLAIN_NAMES = 35_000;

    @Test
    void keepsInventingUniqueNamesLongAfterThePlainOnesRunOut() {
        CompanyNames names = new CompanyNames(new Rng(20260302));
        Set<String> legal = new HashSet<>();

        for (int i = 0; i < MORE_THAN_PLAIN_NAMES; i++) {
            Company company = names.invent(SHANGHAI);
            assertThat(legal.add(company.legalName())).as("unique: %s", company.legalName()).isTrue();
            assertThat(company.legalName()).startsWith("上海").endsWith("有限公司");
            assertThat(company.typoName()).isNotEqualTo(company.legalName());
            assertThat(company.branchName()).startsWith(company.legalName()).endsWith("分公司");
            assertThat(company.englishName()).startsWith("Shanghai ");
        }

        // Unique names 30 times the plain ones: the four-character trade names and the lines of business took over.
        assertThat(legal).contains("上海顺达建材有限公司").anyMatch(name -> name.startsWith("上海顺达恒信"))
                .anyMatch(name -> name.endsWith("贸易有限公司"));
    }

    @Test
    void saysSoInsteadOfLoopingWhenNoNameIsLeft() {
        String[][] threeTradeNames = {{"顺达", "Shunda", "顺大"}, {"恒信", "Hengxin", "恒心"}, {"华盛", "Huasheng", "华胜"}};
        CompanyNames names = new CompanyNames(new Rng(1), threeTradeNames);
        Set<String> legal = new HashSet<>();
        IllegalStateException exhausted = null;
        // 3 x 14 x 2 plain + 6 x 14 x 2 compound + 5 times that with a line of business: 1,092 in all.
        for (int i = 0; i < 2_000 && exhausted == null; i++) {
            try {
                legal.add(names.invent(SHANGHAI).legalName());
            } catch (IllegalStateException e) {
                exhausted = e;
            }
        }

        assertThat(exhausted).isNotNull().hasMessageContaining("no unused company name left after " + legal.size());
        assertThat(legal).hasSizeGreaterThan(1_000);
    }
}
