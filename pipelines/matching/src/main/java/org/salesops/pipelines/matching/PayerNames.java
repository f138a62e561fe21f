package org.salesops.pipelines.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces a company name as a bank prints it to the part that names the company, so the variants
 * of one company compare equal: 佛山市顺达建材有限公司广州分公司, 佛山顺达建材有限公司 and ＦＯＳＨＡＮ
 * forms all become 佛山顺达建材 / foshan... The steps: full-width to half-width (NFKC), lower case,
 * brackets dropped, the branch after the legal form cut (分公司, 办事处, 支行, Branch ...), legal
 * forms cut from the end (有限公司, 股份有限公司, Co., Ltd., GmbH ...; a legal form with one wrong
 * character too, 有线公司), 省/市 after a leading place name dropped, and what is left kept as
 * letters and digits only. Small typos in the name itself are left to {@link #similarity}.
 */
public final class PayerNames {

    /** Longest first, so 股份有限公司 is cut whole and not as 有限公司 plus a dangling 股份. */
    private static final List<String> CHINESE_LEGAL_FORMS = List.of("集团股份有限公司", "集团有限公司", "股份有限公司",
            "有限责任公司", "有限公司", "股份公司", "集团公司", "总公司", "公司", "集团");
    private static final Set<String> LATIN_LEGAL_FORMS = Set.of("co", "ltd", "limited", "company", "inc",
            "incorporated", "corp", "corporation", "llc", "gmbh", "ag", "kg", "sa", "sarl", "srl", "spa", "bv",
            "nv", "plc", "pte", "pty", "oy", "ab", "group");
    private static final String BRANCHES = "分公司|办事处|分行|支行|营业部|分部|分店|分厂|门市部";
    private static final Pattern CHINESE_BRANCH_AFTER_LEGAL_FORM = Pattern.compile(
            "^(.*(?:公司|集团))[^公]+?(?:" + BRANCHES + ")$");
    private static final Pattern CHINESE_BRANCH = Pattern.compile("\\p{IsHan}{2}[省市区县]?(?:" + BRANCHES + ")$");
    private static final Pattern LATIN_BRANCH = Pattern.compile("\\s+[a-z]+\\s+branch(?:\\s+office)?$");
    private static final Pattern LEADING_PLACE = Pattern.compile("^(\\p{IsHan}{2,3}?)[省市]");
    private static final Pattern NOT_NAME = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern BRACKETS = Pattern.compile("[()\\[\\]{}【】《》〔〕]");

    private PayerNames() {
    }

    /** The comparable key of a company name; empty for null or a name with nothing left. */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = BRACKETS.matcher(s).replaceAll(" ").strip();
        s = cutBranch(s);
        s = cutLatinLegalForms(s);
        s = NOT_NAME.matcher(s).replaceAll("");
        s = cutChineseLegalForms(s);
        s = dropPlaceSuffix(s);
        return s;
    }

    /**
     * 1 for equal keys, else 1 - edit distance / length of the longer key: one wrong character in a
     * six-character Chinese name gives 0.83.
     */
    public static double similarity(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int longer = Math.max(a.codePointCount(0, a.length()), b.codePointCount(0, b.length()));
        return 1.0 - (double) editDistance(a, b) / longer;
    }

    /**
     * Whether one key is part of the other and long enough to mean something: two Chinese
     * characters (a trade name, 顺达) or four letters.
     */
    public static boolean contains(String whole, String part) {
        return !part.equals(whole) && meaningful(part) && whole.contains(part);
    }

    /**
     * Pieces of a key, the index that finds similar names without comparing every customer: pairs
     * of characters of a Chinese name, triples of letters of a Latin one (pairs of letters are
     * shared by nearly every English name).
     */
    public static Set<String> grams(String key) {
        int[] cps = key.codePoints().toArray();
        int size = han(key) ? 2 : 3;
        Set<String> grams = new LinkedHashSet<>();
        if (cps.length > 0 && cps.length < size) {
            grams.add(key);
        }
        for (int i = 0; i + size <= cps.length; i++) {
            grams.add(new String(cps, i, size));
        }
        return grams;
    }

    static boolean meaningful(String key) {
        return !key.isEmpty() && key.codePointCount(0, key.length()) >= (han(key) ? 2 : 4);
    }

    private static boolean han(String key) {
        return key.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static String cutBranch(String s) {
        Matcher afterLegalForm = CHINESE_BRANCH_AFTER_LEGAL_FORM.matcher(s);
        if (afterLegalForm.matches()) {
            return afterLegalForm.group(1);
        }
        String cut = CHINESE_BRANCH.matcher(s).replaceFirst("");
        return LATIN_BRANCH.matcher(cut).replaceFirst("");
    }

    private static String cutLatinLegalForms(String s) {
        List<String> words = new ArrayList<>(List.of(s.split("[^\\p{L}\\p{N}]+")));
        words.removeIf(String::isEmpty);
        if (words.isEmpty() || words.stream().anyMatch(PayerNames::han)) {
            return s;
        }
        while (words.size() > 1 && LATIN_LEGAL_FORMS.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        return String.join(" ", words);
    }

    /**
     * Cuts the longest legal form the name ends with, or one with a clerk's typo in it (有线公司:
     * one wrong character before 公司); a name that is nothing but a legal form stays as it is.
     */
    private static String cutChineseLegalForms(String s) {
        for (String form : CHINESE_LEGAL_FORMS) {
            if (s.length() < form.length()) {
                continue;
            }
            String tail = s.substring(s.length() - form.length());
            boolean typo = form.length() >= 4 && tail.endsWith("公司") && editDistance(tail, form) == 1;
            if (tail.equals(form) || typo) {
                return s.length() > form.length() ? s.substring(0, s.length() - form.length()) : s;
            }
        }
        return s;
    }

    private static String dropPlaceSuffix(String s) {
        Matcher place = LEADING_PLACE.matcher(s);
        return place.find() && s.length() > place.end() + 1 ? place.group(1) + s.substring(place.end()) : s;
    }

    private static int editDistance(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length];
    }
}
