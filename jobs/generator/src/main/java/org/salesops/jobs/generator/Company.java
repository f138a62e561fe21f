package org.salesops.jobs.generator;

import java.util.List;

/**
 * A customer company and every name it goes by: what sales calls it, what is registered, what
 * its English letterhead and pinyin say, its branch, and the typo a bank clerk will make.
 */
record Company(
        String shortName,
        String legalName,
        String englishName,
        String pinyinName,
        String branchName,
        String typoName,
        String taxId,
        List<String> accounts,
        City city,
        String industry) {

    /** The aliases column: ';'-separated other names. */
    String aliases() {
        return englishName + ";" + pinyinName + ";" + branchName;
    }
}
