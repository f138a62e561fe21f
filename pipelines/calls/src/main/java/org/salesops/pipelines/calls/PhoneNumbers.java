package org.salesops.pipelines.calls;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber.CountryCodeSource;
import org.salesops.pipelines.common.Memo;

/**
 * Phone numbers as people and PBXs write them, turned into E.164 so a call can be matched to a lead.
 * China is the home country: numbers without a country code are read as Chinese numbers.
 *
 * <p>Rules, in order:
 * <ul>
 *   <li>anything with letters or other symbols ({@code anonymous}, {@code sip:...}, {@code 1-800-FLOWERS})
 *       and PBX extensions (3-6 digits) are not external numbers: {@code null};</li>
 *   <li>a number must be valid in Google's numbering metadata (libphonenumber): mobile ranges, area codes,
 *       400/800 numbers; a Chinese landline written nationally needs its trunk {@code 0}
 *       ({@code 0755-12345678}), because without it nobody in China can dial it;</li>
 *   <li>a number of another country written internationally ({@code +1 ...}, {@code 0049 ...}) is kept
 *       when its length is possible there, even if the metadata does not know the range: we trust
 *       whoever wrote the country code, and test or new ranges must still match across systems.</li>
 * </ul>
 */
public final class PhoneNumbers {

    /** The home country, used for numbers written without a country code. */
    public static final String DEFAULT_REGION = "CN";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int CHINA = 86;
    private static final String NOT_A_NUMBER = "";
    /** Numbers as written, read: libphonenumber's parse is most of the work, and the same numbers come again. */
    private static final Memo<String, String> READ = new Memo<>(100_000, PhoneNumbers::read);
    private static final String SEPARATORS = "-－‐()（）./ \u00A0\u3000";

    private PhoneNumbers() {
    }

    /** The number in E.164 ({@code +8613800138000}), or null when it is not a dialable external number. */
    public static String toE164(String raw) {
        if (raw == null) {
            return null;
        }
        String e164 = READ.apply(raw);
        return e164.equals(NOT_A_NUMBER) ? null : e164;
    }

    private static String read(String raw) {
        if (raw.isBlank() || isExtension(raw) || !looksLikeNumber(raw.strip())) {
            return NOT_A_NUMBER;
        }
        PhoneNumber number;
        try {
            number = UTIL.parseAndKeepRawInput(raw, DEFAULT_REGION);
        } catch (NumberParseException notANumber) {
            return NOT_A_NUMBER;
        }
        return accepted(number, raw) ? UTIL.format(number, PhoneNumberFormat.E164) : NOT_A_NUMBER;
    }

    /** True for a PBX extension: 3 to 6 digits and nothing else (surrounding blanks ignored). */
    public static boolean isExtension(String raw) {
        if (raw == null) {
            return false;
        }
        String s = raw.strip();
        return s.length() >= 3 && s.length() <= 6 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean accepted(PhoneNumber number, String raw) {
        boolean writtenNationally = number.getCountryCodeSource() == CountryCodeSource.FROM_DEFAULT_COUNTRY;
        if (UTIL.isValidNumber(number)) {
            return !(writtenNationally && isLandline(number) && !PhoneNumberUtil.normalizeDigitsOnly(raw).startsWith("0"));
        }
        return !writtenNationally && number.getCountryCode() != CHINA && UTIL.isPossibleNumber(number);
    }

    private static boolean isLandline(PhoneNumber number) {
        PhoneNumberType type = UTIL.getNumberType(number);
        return type == PhoneNumberType.FIXED_LINE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
    }

    /** Digits and separators only, with at most one leading plus; no letters, no extensions like ";ext=". */
    private static boolean looksLikeNumber(String s) {
        boolean anyDigit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                anyDigit = true;
            } else if ((c == '+' || c == '＋') && i == 0) {
                continue;
            } else if (SEPARATORS.indexOf(c) < 0) {
                return false;
            }
        }
        return anyDigit;
    }
}
