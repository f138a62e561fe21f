package org.salesops.pipelines.matching;

import java.io.Serializable;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Invoice and contract numbers (INV-2026-004512, HT-2026-00123) in the forms payers type them:
 * INV2026004512, inv 2026 4512, ＩＮＶ－２０２６－００４５１２, 付INV2026004512发票款. A number becomes
 * a key of prefix, year and sequence (INV|2026|4512), so every form of one number has one key and
 * the CRM's own numbers are keyed the same way; a number without a known prefix keys as its letters
 * and digits.
 */
public final class DocumentReferences implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A document number found in text: its key, and how the payer wrote it (for the explanation). */
    public record Reference(String key, String written) {
    }

    private final Pattern numbers;

    /** @param prefixes the letters our document numbers start with, e.g. INV and HT */
    public DocumentReferences(List<String> prefixes) {
        String alternatives = prefixes.stream().map(p -> Pattern.quote(p.toUpperCase(Locale.ROOT)))
                .collect(Collectors.joining("|"));
        // a year and a sequence (one separator between them at most), or a bare sequence
        this.numbers = Pattern.compile("(?<![A-Z0-9])(" + alternatives + ")[\\s\\-_/.:#]*"
                + "(?:((?:19|20)\\d{2})[\\s\\-_/.]?(\\d{1,8})|(\\d{1,14}))(?!\\d)");
    }

    /** Every document number in the text, each key once, in the order written. */
    public List<Reference> find(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Map<String, Reference> found = new LinkedHashMap<>();
        Matcher m = numbers.matcher(upper(text));
        while (m.find()) {
            String key = key(m);
            found.putIfAbsent(key, new Reference(key, m.group().strip()));
        }
        return new ArrayList<>(found.values());
    }

    /** The key of one document number, e.g. the CRM's invoice_no or a structured RfrdDocInf number. */
    public String key(String number) {
        String upper = upper(number).strip();
        Matcher m = numbers.matcher(upper);
        if (m.lookingAt() && m.end() == upper.length()) {
            return key(m);
        }
        return "RAW|" + upper.replaceAll("[^A-Z0-9]", "");
    }

    private static String key(Matcher m) {
        String prefix = m.group(1);
        return m.group(2) != null
                ? prefix + "|" + m.group(2) + "|" + new BigInteger(m.group(3))
                : prefix + "|" + new BigInteger(m.group(4));
    }

    private static String upper(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
    }
}
