package org.salesops.pipelines.bank;

import java.util.List;

/**
 * Reads the :86: field of a statement line by its form: German structured ({@link GermanInformation}),
 * Dutch structured ({@link DutchInformation}), else free text ({@link FreeTextInformation}). Structured
 * forms are wrapped at a fixed width anywhere, even inside a code, so their lines are joined without
 * a separator.
 */
final class InformationToOwner {

    private InformationToOwner() {
    }

    /** @param lines the :86: text lines of one statement line; empty when it has none */
    static PaymentInfo read(List<String> lines) {
        if (lines.isEmpty()) {
            return PaymentInfo.NONE;
        }
        String joined = String.join("", lines).strip();
        if (GermanInformation.START.matcher(joined).lookingAt()) {
            return GermanInformation.read(joined);
        }
        if (DutchInformation.CODE.matcher(joined).lookingAt()) {
            return DutchInformation.read(joined);
        }
        return FreeTextInformation.read(lines);
    }
}
