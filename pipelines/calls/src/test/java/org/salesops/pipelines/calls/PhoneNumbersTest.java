package org.salesops.pipelines.calls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // Chinese mobiles in every shape people type them
        "13800138000        | +8613800138000",
        "138-0013-8000      | +8613800138000",
        "+86 138 0013 8000  | +8613800138000",
        "0086 13800138000   | +8613800138000",
        "86-13800138000     | +8613800138000",
        "8613800138000      | +8613800138000",
        "013800138000       | +8613800138000",
        "１３８００１３８０００ | +8613800138000",
        "' 138 0013 8000 '  | +8613800138000",
        // landlines with area code: 2-digit (Beijing, Shanghai) and 3-digit (Shenzhen)
        "0755-12345678      | +8675512345678",
        "(021) 1234 5678    | +862112345678",
        "010 12345678       | +861012345678",
        "+86 (0)755 1234 5678 | +8675512345678",
        "86-755-12345678    | +8675512345678",
        // nationwide service numbers need no trunk prefix
        "400-820-8820       | +864008208820",
        // other countries, written internationally, are kept
        "+1 415 555 0100    | +14155550100",
        "0049 30 1234567    | +49301234567",
        "+44 20 7946 0958   | +442079460958",
        "+13051416799       | +13051416799",
    })
    void normalisesToE164(String raw, String e164) {
        assertThat(PhoneNumbers.toE164(raw)).isEqualTo(e164);
        assertThat(PhoneNumbers.toE164(raw)).as("read again, from what was read").isEqualTo(e164);
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {
        "   ", "anonymous", "Anonymous", "unknown", "1-800-FLOWERS", "sip:alice@example.com", "client:alice",
        "201", "2001", "123456",          // PBX extensions
        "12345678",                       // local landline without area code: which city?
        "917-375-0980",                   // no trunk 0: not dialable as a Chinese landline
        "1380013800",                     // a mobile one digit short
        "+86 12345678",                   // +86 but not a Chinese number
        "13800138000;ext=12", "+", "()"})
    void rejectsWhatIsNotADialableExternalNumber(String raw) {
        assertThat(PhoneNumbers.toE164(raw)).isNull();
        assertThat(PhoneNumbers.toE164(raw)).as("read again, from what was read").isNull();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"100", "201", " 8001 ", "12345", "123456"})
    void extensionsAreThreeToSixDigits(String raw) {
        assertThat(PhoneNumbers.isExtension(raw)).isTrue();
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"10", "1234567", "13800138000", "+201", "*97", "20 1", "s", "NOT_AVAILABLE"})
    void otherThingsAreNotExtensions(String raw) {
        assertThat(PhoneNumbers.isExtension(raw)).isFalse();
    }
}
