package org.salesops.pipelines.bank;

import java.util.List;

/**
 * One field of a SWIFT MT940/MT942 text block.
 *
 * @param tag   e.g. 61, 86, 60F
 * @param lines the text after ":tag:" and its continuation lines, as found
 * @param line  1-based line number of the tag in the file, for rejection reasons
 */
record SwiftField(String tag, List<String> lines, int line) {

    /** Where the field is, e.g. "line 12 :61:". */
    String describe() {
        return "line " + line + " :" + tag + ":";
    }

    /** The first line, trimmed. */
    String first() {
        return lines.get(0).strip();
    }

    /** True when the field continues on further non-blank lines. */
    boolean continues() {
        return lines.stream().skip(1).anyMatch(line -> !line.isBlank());
    }
}
