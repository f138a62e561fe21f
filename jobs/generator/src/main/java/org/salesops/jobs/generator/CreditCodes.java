package org.salesops.jobs.generator;

/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015): registration authority and type,
 * a six-digit area code, the nine-character organisation code (GB 11714, with its own check
 * character) and the final check character, so that a validating parser would accept them.
 */
final class CreditCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private CreditCodes() {
    }

    /** A company ("91": industry and commerce, enterprise) registered in the given area. */
    static String enterprise(String areaCode, Rng rng) {
        StringBuilder org = new StringBuilder();
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int value = rng.between(0, 9);
            org.append(value);
            sum += value * ORG_WEIGHTS[i];
        }
        int orgCheck = 11 - sum % 11;
        org.append(orgCheck == 10 ? 'X' : orgCheck == 11 ? '0' : (char) ('0' + orgCheck));
        String body = "91" + areaCode + org;
        int total = 0;
        for (int i = 0; i < 17; i++) {
            total += ALPHABET.indexOf(body.charAt(i)) * WEIGHTS[i];
        }
        int check = (31 - total % 31) % 31;
        return body + ALPHABET.charAt(check);
    }
}
