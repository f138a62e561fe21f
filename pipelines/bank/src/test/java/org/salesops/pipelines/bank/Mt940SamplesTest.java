package org.salesops.pipelines.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.salesops.pipelines.common.RejectedInput;

/**
 * Every MT940/MT942 sample written by others either parses into a known number of transactions or
 * is rejected with a known reason; nothing else may escape the parser. Most rejections are test
 * fixtures whose balances were never meant to add up (the parsers they come from do not check);
 * the others are fragments of a file (one field), broken on purpose (svenstaro bugs/issue-51,
 * sepa_snippet_broken, knab_invalid, invalid_statement) or in a dialect that breaks the format
 * (Rabobank sample with decimal points, a balance without currency in raphaelm).
 */
class Mt940SamplesTest {

    /** file | transactions when accepted | start of the reason when rejected (figures left out). */
    private static final String OUTCOMES = """
            mt940/fruitl00p__php-mt940/Abn/issue48 | 2 |
            mt940/fruitl00p__php-mt940/Abn/sample | 5 |
            mt940/fruitl00p__php-mt940/Abn/sample2 | | MT940 statement[1]: statement :20:ABN AMRO BANK NV :28C:17501/1 of account 500950253 does not reconcile
            mt940/fruitl00p__php-mt940/Asn/sample | 3 |
            mt940/fruitl00p__php-mt940/Bunq/sample | 111 |
            mt940/fruitl00p__php-mt940/Hsbc/sample | | MT940 statement[1]: statement :20:AIU0006362100017 :28C:00001/00001 of account 808XXXXXX292 does not reconcile
            mt940/fruitl00p__php-mt940/Ing/sample | | MT940 statement[1]: statement :20:MPBZ :28C:100 of account 0000000000 does not reconcile
            mt940/fruitl00p__php-mt940/Kbs/sample | 3 |
            mt940/fruitl00p__php-mt940/Kbs/sample2 | 7 |
            mt940/fruitl00p__php-mt940/Knab/sample | | MT940 statement[1]: statement :20:B5L04MSAU20N3I99 :28C:20/3 of account 0762918446 does not reconcile
            mt940/fruitl00p__php-mt940/Knab/sample2 | 1 |
            mt940/fruitl00p__php-mt940/Knab/sample3 | | MT940 statement[1]: statement :20:C0D28MSTE73HKBCM :28C:108/1 of account NL52RABO0326203011 does not reconcile
            mt940/fruitl00p__php-mt940/Kontist/sample | 6 |
            mt940/fruitl00p__php-mt940/Penta/sample | 30 |
            mt940/fruitl00p__php-mt940/Rabo/sample | | statement[1]: line 5 :60F: amount '000000000000.00' is not digits with a decimal comma
            mt940/fruitl00p__php-mt940/Rabo/sample2 | | statement[1]: line 5 :60F: amount '000000001000.12' is not digits with a decimal comma
            mt940/fruitl00p__php-mt940/Rabo/sample3 | | MT940 statement[1]: statement :20:940S130403 :28C:0 of account NL50RABO0123456789 does not reconcile
            mt940/fruitl00p__php-mt940/Rabo/sample4 | | MT940 statement[1]: statement :20:940S130403 :28C:0 of account NL50RABO0123456789 does not reconcile
            mt940/fruitl00p__php-mt940/Spk/sample | 10 |
            mt940/fruitl00p__php-mt940/Triodos/sample | 8 |
            mt940/fruitl00p__php-mt940/Zetb/sample | 8 |
            mt940/svenstaro__mt940-rs/abnamro/mt940.sta | | MT940 statement[1]: statement :20:ABN AMRO BANK NV :28C:23801/1 of account 123456789 does not reconcile
            mt940/svenstaro__mt940-rs/bugs/issue-51.sta | | MT940 statement[1]: statement :20:STARTUMSE :28C:00000/001 of account 20752041/0291593375 does not reconcile
            mt940/svenstaro__mt940-rs/danskebank/MT940_DK_Example.sta | 89 |
            mt940/svenstaro__mt940-rs/danskebank/MT940_FI_Example.sta | 6 |
            mt940/svenstaro__mt940-rs/danskebank/MT940_NO_Example.sta | 24 |
            mt940/svenstaro__mt940-rs/danskebank/MT940_SE_Example.sta | 103 |
            mt940/svenstaro__mt940-rs/sparkasse/buxtehude.sta | | MT940 statement[1]: statement :20:STARTUMSE :28C:00000/001 of account 20752041/0291593375 does not reconcile
            mt940/wolph__mt940/ASNB/mt940.txt | 8 |
            mt940/wolph__mt940/ASNB/mt940_with_spaces_for_entry_date.txt | 8 |
            mt940/wolph__mt940/betterplace/amount_formats.sta | | line 1: :60F: comes before any :20:, so it belongs to no statement
            mt940/wolph__mt940/betterplace/currency_in_25.sta | | line 1: :25: comes before any :20:, so it belongs to no statement
            mt940/wolph__mt940/betterplace/empty_86.sta | | line 1: :86: comes before any :20:, so it belongs to no statement
            mt940/wolph__mt940/betterplace/empty_entry_date.sta | | line 1: :61: comes before any :20:, so it belongs to no statement
            mt940/wolph__mt940/betterplace/empty_line.sta | | statement[1]: statement :20:TELEREPORTING has no :25: account
            mt940/wolph__mt940/betterplace/missing_crlf_at_end.sta | | line 1: :62F: comes before any :20:, so it belongs to no statement
            mt940/wolph__mt940/betterplace/sepa_mt9401.sta | 97 |
            mt940/wolph__mt940/betterplace/sepa_snippet.sta | | MT940 statement[2]: statement :20:T089414096000001 :28C:00004/00001 of account 50880050/0194791600888 does not reconcile
            mt940/wolph__mt940/betterplace/sepa_snippet_broken.sta | | statement[1]: line 6 :25: repeats the :25: of line 2 within one statement
            mt940/wolph__mt940/betterplace/with_binary_character.sta | 4 |
            mt940/wolph__mt940/citi/mt940.txt | 5 |
            mt940/wolph__mt940/cmxl/account_balance_credit.sta | | line 1: :60F: comes before any :20:, so it belongs to no statement
            mt940/wolph__mt940/cmxl/account_balance_debit.sta | | line 1: :60F: comes before any :20:, so it belongs to no statement
            mt940/wolph__mt940/cmxl/account_identification_iban.sta | | line 1: :25: comes before any :20:, so it belongs to no statement
            mt940/wolph__mt940/cmxl/account_identification_legacy.sta | | line 1: :25: comes before any :20:, so it belongs to no statement
            mt940/wolph__mt940/cmxl/available_balance.sta | | line 1: :64: comes before any :20:, so it belongs to no statement
            mt940/wolph__mt940/cmxl/closing_balance.sta | | line 1: :62F: comes before any :20:, so it belongs to no statement
            mt940/wolph__mt940/cmxl/mt940.sta | 16 |
            mt940/wolph__mt940/cmxl/reference.sta | | statement[1]: statement :20:D140902049 has no :25: account
            mt940/wolph__mt940/cmxl/statement_details.sta | | line 1: :61: comes before any :20:, so it belongs to no statement
            mt940/wolph__mt940/cmxl/statement_line.sta | | line 1: :61: comes before any :20:, so it belongs to no statement
            mt940/wolph__mt940/cmxl/statement_number.sta | | line 1: :28C: comes before any :20:, so it belongs to no statement
            mt940/wolph__mt940/jejik/abnamro.sta | | MT940 statement[1]: statement :20:ABN AMRO BANK NV :28C:19321/1 of account 517852257 does not reconcile
            mt940/wolph__mt940/jejik/generic.sta | 2 |
            mt940/wolph__mt940/jejik/ing.sta | | MT940 statement[1]: statement :20:MPBZ :28C:000 of account 0001234567 does not reconcile
            mt940/wolph__mt940/jejik/knab.sta | | MT940 statement[2]: statement :20:B4G30MS9D00A003D :28C:999/1 of account 123456789 does not reconcile
            mt940/wolph__mt940/jejik/postfinance.sta | | MT940 statement[2]: statement :20:2014040708285928 :28C:999/2 of account 123456789 does not reconcile
            mt940/wolph__mt940/jejik/rabobank-iban.sta | 4 |
            mt940/wolph__mt940/jejik/rabobank.sta | | MT940 statement[1]: statement :20:940A110615 :28C:00000/00 of account 1291.99.348 does not reconcile
            mt940/wolph__mt940/jejik/sns.sta | 2 |
            mt940/wolph__mt940/jejik/triodos.sta | | MT940 statement[1]: statement :20:1308728725026/1 :28C:1 of account TRIODOSBANK/0390123456 does not reconcile
            mt940/wolph__mt940/mBank/mt940.sta | 3 |
            mt940/wolph__mt940/mBank/mt942.sta | 3 |
            mt940/wolph__mt940/mBank/with_newline_in_tnr.sta | | MT940 statement[1]: statement :20:ST170201CYC/1 :28C:3/1 of account PL29114010810000267002001002 does not reconcile
            mt940/wolph__mt940/sberbank/171011_01234945.sta | 3 |
            mt940/wolph__mt940/self-provided/account_identification.sta | | statement[1]: statement :20:0003478756 has no :28C: statement number
            mt940/wolph__mt940/self-provided/details_60-63.sta | | MT940 statement[1]: statement :20:STARTUMS :28C:0 of account 12345678/1020304050 does not reconcile
            mt940/wolph__mt940/self-provided/empty_non_swift.sta | | line 1: :NS: comes before any :20:, so it belongs to no statement
            mt940/wolph__mt940/self-provided/february_30.sta | 1 |
            mt940/wolph__mt940/self-provided/gv_codes.sta | | statement[1]: statement :20:STARTUMS has no :62F:/:62M: closing balance
            mt940/wolph__mt940/self-provided/invalid_statement.sta | | no :20: field, so no MT940 or MT942 statement
            mt940/wolph__mt940/self-provided/long_statement_number.sta | 0 |
            mt940/wolph__mt940/self-provided/malformed_details.sta | | MT940 statement[1]: statement :20:STARTUMS :28C:0 of account 12345678/1020304050 does not reconcile
            mt940/wolph__mt940/self-provided/mt942.sta | | MT942 statement[1]: statement :20:CGNGHKLI0290980 :28C:03917/00001 of account GJB0291077111: :90D: counts 1 debit lines totalling 2.30 EUR, but the report has 1 totalling 0.42 EUR
            mt940/wolph__mt940/self-provided/multiline.sta | | statement[1]: line 38 :61: comes after the closing balance
            mt940/wolph__mt940/self-provided/overly_long_details.sta | | MT940 statement[1]: statement :20:STARTUMS :28C:0 of account 12345678/1020304050 does not reconcile
            mt940/wolph__mt940/self-provided/raiffeisen-cmi.sta | | MT940 statement[1]: statement :20:STARTUMS :28C:0072 of account UBRTHUHB/123456789150ABCDEF002 does not reconcile
            mt940/wolph__mt940/self-provided/raphaelm.sta | | statement[1]: line 27 :62M: 'C020315105000,00' is not a balance (C or D, YYMMDD date, currency, amount)
            mt940/wolph__mt940/self-provided/sparkassen.sta | | line 1: :61: comes before any :20:, so it belongs to no statement
            mt940/wolph__mt940/self-provided/transaction_details_wrapped.sta | 1 |
            mt940/wolph__mt940/self-provided/whitespace.sta | | MT940 statement[1]: statement :20:STARTUMS :28C:0 of account 12345678/1020304050 does not reconcile
            mt940/wolph__mt940/self-provided/wrapped_timestamp.sta | 1 |
            mt940/zilverline__mt940/14aug2014.swi | | MT940 statement[1]: statement :20:940S140723 :28C:0 of account NL50RABO0156750961 does not reconcile
            mt940/zilverline__mt940/abn/abn_sepa_incasso_doorlopend.txt | | MT940 statement[1]: statement :20:ABN AMRO BANK NV :28C:2001/1 of account 555555555 does not reconcile
            mt940/zilverline__mt940/abn/abn_sepa_overboeking.txt | | MT940 statement[1]: statement :20:ABN AMRO BANK NV :28C:2001/1 of account 555555555 does not reconcile
            mt940/zilverline__mt940/abn/abn_sepa_periodieke_overboeking.txt | | MT940 statement[1]: statement :20:ABN AMRO BANK NV :28C:2001/1 of account 555555555 does not reconcile
            mt940/zilverline__mt940/abn/abn_structured_sepa_acceptgiro.txt | | MT940 statement[1]: statement :20:ABN AMRO BANK NV :28C:2001/1 of account 555555555 does not reconcile
            mt940/zilverline__mt940/abn/abn_structured_sepa_ideal.txt | | MT940 statement[1]: statement :20:ABN AMRO BANK NV :28C:2001/1 of account 555555555 does not reconcile
            mt940/zilverline__mt940/abn/abn_structured_sepa_overboeking.txt | | MT940 statement[1]: statement :20:ABN AMRO BANK NV :28C:2001/1 of account 555555555 does not reconcile
            mt940/zilverline__mt940/abn/abnamro.txt | | MT940 statement[1]: statement :20:ABN AMRO BANK NV :28C:19321/1 of account 517852257 does not reconcile
            mt940/zilverline__mt940/abn/abnamro_structured.txt | | MT940 statement[1]: statement :20:ABN AMRO BANK NV :28C:1301/1 of account 123212321 does not reconcile
            mt940/zilverline__mt940/abn/anb_sepa_overboeking_belastingdienst.txt | | MT940 statement[1]: statement :20:ABN AMRO BANK NV :28C:12501/1 of account 123456789 does not reconcile
            mt940/zilverline__mt940/abn/moneyou.txt | 2 |
            mt940/zilverline__mt940/deutsche_bank.txt | | MT940 statement[1]: statement :20:DEUTDEFFXXXX :28C:00059/001 of account 233025/40069462 does not reconcile
            mt940/zilverline__mt940/import-16-06-2014.txt | | MT940 statement[1]: statement :20:940S140605 :28C:0 of account NL50RABO0156750961 does not reconcile
            mt940/zilverline__mt940/ing.txt | | MT940 statement[1]: statement :20:MPBZ :28C:000 of account 0001234567 does not reconcile
            mt940/zilverline__mt940/ing/cntp_without_description.txt | 1 |
            mt940/zilverline__mt940/ing/eu_incasso.txt | 1 |
            mt940/zilverline__mt940/ing/eu_incasso_foreign_transaction.txt | | MT940 statement[1]: statement :20:MPBZ :28C:000 of account 0001234567 does not reconcile
            mt940/zilverline__mt940/ing/eu_incasso_with_spaces_in_sepa.txt | 1 |
            mt940/zilverline__mt940/ing/failing.txt | 1 |
            mt940/zilverline__mt940/ing/ing_00_00.txt | 1 |
            mt940/zilverline__mt940/ing/ing_dash_in_customer_reference.txt | 1 |
            mt940/zilverline__mt940/ing/ing_purp.txt | 1 |
            mt940/zilverline__mt940/ing/ing_references.txt | 1 |
            mt940/zilverline__mt940/ing/ing_references_fix.txt | 1 |
            mt940/zilverline__mt940/ing/mt940_iban.txt | 21 |
            mt940/zilverline__mt940/ing/unstructured_remi.txt | 2 |
            mt940/zilverline__mt940/ing/unstructured_remi_2.txt | 1 |
            mt940/zilverline__mt940/ing/unstructured_remi_with_space_in_remi.txt | 1 |
            mt940/zilverline__mt940/ing_structured.txt | | MT940 statement[1]: statement :20:MPBZ :28C:000 of account 0001234567 does not reconcile
            mt940/zilverline__mt940/knab/knab.txt | 2 |
            mt940/zilverline__mt940/knab/knab_date_and_accounting_date_different_year.txt | 1 |
            mt940/zilverline__mt940/knab/knab_empty.txt | 0 |
            mt940/zilverline__mt940/knab/knab_invalid.txt | | statement[1]: statement :20:ABG34MSFKJ11FACJ has no :62F:/:62M: closing balance
            mt940/zilverline__mt940/knab/knab_pin.txt | | MT940 statement[1]: statement :20:ABCDEFG123343545 :28C:1/1 of account NL92 KNAB 0123 4567 89 does not reconcile
            mt940/zilverline__mt940/knab/knab_sepa_acceptgiro.txt | 1 |
            mt940/zilverline__mt940/knab/knab_sepa_doorlopend_incasso.txt | 1 |
            mt940/zilverline__mt940/knab/knab_sepa_ideal.txt | 1 |
            mt940/zilverline__mt940/knab/knab_sepa_overboeking.txt | 1 |
            mt940/zilverline__mt940/knab/knab_two_blocks.txt | 3 |
            mt940/zilverline__mt940/knab/knab_with_iban.txt | 2 |
            mt940/zilverline__mt940/rabobank.txt | 11 |
            mt940/zilverline__mt940/rabobank/dash_as_start_of_line.txt | 1 |
            mt940/zilverline__mt940/rabobank/fix_rabo_twice_remi.txt | 1 |
            mt940/zilverline__mt940/rabobank/line_break_in_remi.txt | 1 |
            mt940/zilverline__mt940/rabobank_mt940_structured.txt | 9 |
            mt940/zilverline__mt940/rabobank_mt940_structured_dutch_tax.txt | 1 |
            mt940/zilverline__mt940/rabobank_mt940_structured_multi_line.txt | | MT940 statement[1]: statement :20:940S130403 :28C:0 of account NL50RABO0123456789 does not reconcile
            mt940/zilverline__mt940/rabobank_mt940_structured_savings_account.txt | 1 |
            mt940/zilverline__mt940/rabobank_mt940_structured_to_savings_account.txt | 1 |
            mt940/zilverline__mt940/rabobank_with_debet_previous_balance.txt | 0 |
            mt940/zilverline__mt940/sns/sns.txt | 4 |
            mt940/zilverline__mt940/sns/sns_customer_reference.txt | 1 |
            mt940/zilverline__mt940/triodos_iban.txt | 3 |
            mt940/zilverline__mt940/triodos_iban_2.txt | 4 |
            mt940/zilverline__mt940/triodos_multiline_bug.txt | | MT940 statement[1]: statement :20:1605781242822/1 :28C:1 of account TRIODOSBANK/1234567890 does not reconcile
            mt940/zilverline__mt940/two_accounts.txt | 3 |
            mt940/zilverline__mt940/unknown.txt | | MT940 statement[1]: statement :20:MPBZ :28C:000 of account 0001234567 does not reconcile
            mt940/zilverline__mt940/van_lanschot/to_private_account_86.txt | 1 |
            mt940/zilverline__mt940/van_lanschot/unspecified_contra_account.txt | 1 |
            mt940/zilverline__mt940/van_lanschot/van_lanschot.txt | 4 |
            """;

    private final Mt940Parser parser = new Mt940Parser();

    static Stream<Arguments> outcomes() {
        return OUTCOMES.lines().filter(line -> !line.isBlank()).map(line -> {
            String[] cells = Arrays.stream(line.split("\\|", -1)).map(String::trim).toArray(String[]::new);
            return Arguments.of(cells[0], cells[1].isEmpty() ? null : Integer.valueOf(cells[1]), cells[2]);
        });
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("outcomes")
    void sampleParsesOrIsRejectedWithItsReason(String file, Integer transactions, String reason) throws RejectedInput {
        byte[] statement = Samples.read(file);
        if (transactions == null) {
            assertThatThrownBy(() -> parser.parse(statement, file))
                    .isExactlyInstanceOf(RejectedInput.class)
                    .hasMessageStartingWith(file + ": " + reason);
            return;
        }
        List<BankTransaction> parsed = parser.parse(statement, file);
        assertThat(parsed).hasSize(transactions);
        assertThat(parsed).extracting(BankTransaction::transactionKey).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(parsed).allSatisfy(tx -> {
            assertThat(tx.sourceFormat()).isIn("MT940", "MT942");
            assertThat(tx.messageId()).isNotBlank();
            assertThat(tx.accountId()).isNotBlank();
            assertThat(tx.amount()).isNotNull();
            assertThat(tx.currency()).matches("[A-Z]{3}");
            assertThat(tx.bookingDate()).isNotNull();
            assertThat(tx.bookedAt()).isEqualTo(tx.bookingDate().atStartOfDay(ZoneOffset.UTC).toInstant());
            assertThat(tx.status()).isIn("BOOK", "PDNG");
            assertThat(tx.referredDocuments()).isEmpty();
        });
        // a re-delivered file gives the same records, keys included: the dedup relies on it
        assertThat(parser.parse(statement.clone(), "redelivered")).isEqualTo(parsed);
    }

    @Test
    void everySampleFileIsListed() {
        List<String> listed = outcomes().map(arguments -> (String) arguments.get()[0]).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(Samples.files("mt940").toList());
    }
}
