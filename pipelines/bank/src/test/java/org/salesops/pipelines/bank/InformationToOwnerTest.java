package org.salesops.pipelines.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The :86: forms, read from lines as they stand in the samples. */
class InformationToOwnerTest {

    @Test
    void germanSepaPurposeSplitAtItsIdentifiers() {
        // wolph self-provided/details_60-63.sta: EREF+ in ?20, the ultimate party in ?62
        PaymentInfo info = InformationToOwner.read(List.of(
                "105?00Basislastschrift?10931?20EREF+123/123/12345-----L110",
                "?30BYLADEMM",
                "?31DE99700500000000012345?32Finanzamt Muenchen Abteilun",
                "?33g Erhebung?34992?60000000012345 BIC: BYLADEMM ",
                "?61ABWA: Finanzamt Muenchen ?62ABWA+Finanzamt Muenchen ",
                "?63Abteilung Erhebung"));

        // ?60-?63 continue the purpose, so they run on into the EREF+ text here
        assertThat(info.endToEndId()).startsWith("123/123/12345-----L110");
        assertThat(info.counterpartyName()).isEqualTo("Finanzamt Muenchen Abteilung Erhebung");
        assertThat(info.counterpartyAccount()).isEqualTo("DE99700500000000012345");
        assertThat(info.remittance()).isNull();
    }

    @Test
    void germanSepaRemittanceCutAcrossSubfields() {
        // zilverline deutsche_bank.txt
        PaymentInfo info = InformationToOwner.read(List.of(
                "171?00SEPA-LASTSCHRIFT EINR.?685665/987?20EREF+D979899680037A3DFA",
                "78E4?2A5315095381?22KREF+43478?23SVWZ+7458.6345.6353 SEPA-DI?24R",
                "ECT-DEBIT-DT.-BANK-1 HALLO?25WELT.IHRE REFERENZ: 766413?30GENODEM",
                "1MSS?31DE04400694620000233025?32PETER TESTER"));

        assertThat(info.remittance()).isEqualTo("7458.6345.6353 SEPA-DIRECT-DEBIT-DT.-BANK-1 HALLOWELT.IHRE REFERENZ:"
                + " 766413");
        assertThat(info.counterpartyName()).isEqualTo("PETER TESTER");
        assertThat(info.counterpartyAccount()).isEqualTo("DE04400694620000233025");
    }

    @Test
    void germanPurposeWithoutIdentifiersIsLines() {
        // betterplace with_binary_character.sta: full 27-character lines go on without a space
        PaymentInfo info = InformationToOwner.read(List.of(
                "051?00Bank Transfer Credit?10930226?20QQW53T2245ZGY46J ABBUCH",
                "UNG?21VOM PAYPAL-KONTO?22100318P3TX1433EV?3050070010?310175526300",
                "?32PAYPAL?34000"));

        assertThat(info.remittance()).isEqualTo("QQW53T2245ZGY46J ABBUCHUNG VOM PAYPAL-KONTO 100318P3TX1433EV");
        assertThat(info.counterpartyName()).isEqualTo("PAYPAL");
        assertThat(info.endToEndId()).isNull();
    }

    @Test
    void germanRfReferenceInTheRemittanceIsTheCreditorReference() {
        PaymentInfo info = InformationToOwner.read(List.of("166?00GUTSCHRIFT?20EREF+NOTPROVIDED?21SVWZ+RF18 5390 0754",
                "?22 7034 Rechnung 4711?32Muster AG"));

        assertThat(info.creditorReference()).isEqualTo("RF18539007547034");
        assertThat(info.endToEndId()).isNull();
    }

    @Test
    void dutchIngCounterpartyBlockAndUnstructuredRemittance() {
        // zilverline ing/ing_purp.txt
        PaymentInfo info = InformationToOwner.read(List.of(
                "/EREF/400313131313//MARF/2.34567890//CSID/NL11AAA441212121212",
                "//CNTP/NL21BASN0272727272/COBANL2XXXX/T-Mobile Netherlands BV///R",
                "EMI/USTD//Factuurnummer 858585858585//PURP/OTHR/"));

        assertThat(info).isEqualTo(new PaymentInfo("T-Mobile Netherlands BV", "NL21BASN0272727272",
                "Factuurnummer 858585858585", "400313131313", null));
    }

    @Test
    void dutchStructuredPaymentReferences() {
        assertThat(InformationToOwner.read(List.of("/CNTP/NL86INGB0002445588/INGBNL2A/BELASTINGDIENST///REMI/STRD/CU",
                "R/1234567890123456/")).creditorReference()).isEqualTo("1234567890123456");
        // zilverline abn/abn_structured_sepa_acceptgiro.txt
        PaymentInfo abn = InformationToOwner.read(List.of(
                "/TRTP/ACCEPTGIROBETALING/IBAN/NL86INGB0002445588/BIC/INGBNL2A",
                "/NAME/BELASTINGDIENST/REMI/ISSUER: CUR                  REF: 4420",
                "043232693268/EREF/NOTPROVIDED"));
        assertThat(abn).isEqualTo(new PaymentInfo("BELASTINGDIENST", "NL86INGB0002445588", null, null,
                "4420043232693268"));
    }

    @Test
    void dutchRabobankNestedPartyAndRepeatedRemittanceCode() {
        // zilverline rabobank/fix_rabo_twice_remi.txt
        PaymentInfo info = InformationToOwner.read(List.of(
                "/EREF/201700101-2222222/ORDP//NAME/STG. KLANTGELDEN SEPAY/ADDR/Dr.",
                " Huisstraaaat 99 1000AA 'S-GRAVENHAGE Nederland NL/REMI//REMI/AFR",
                "EK. BETAALAUTOMAAT MaestroREFNR. H6MJV5DAT. 20170601 AANT. 11"));

        assertThat(info.counterpartyName()).isEqualTo("STG. KLANTGELDEN SEPAY");
        assertThat(info.remittance()).isEqualTo("AFREK. BETAALAUTOMAAT MaestroREFNR. H6MJV5DAT. 20170601 AANT. 11");
        assertThat(info.endToEndId()).isEqualTo("201700101-2222222");
    }

    @Test
    void freeTextWithLabelledCounterparty() {
        // zilverline abn/anb_sepa_overboeking_belastingdienst.txt, second line
        PaymentInfo info = InformationToOwner.read(List.of(
                "SEPA OVERBOEKING                 IBAN: NL86INGB0002445588",
                "BIC: INGBNL2A                    NAAM: BELASTINGDIENST APELDOORN",
                "BETALINGSKENM.: 1234123412345678"));

        assertThat(info.counterpartyName()).isEqualTo("BELASTINGDIENST APELDOORN");
        assertThat(info.counterpartyAccount()).isEqualTo("NL86INGB0002445588");
        assertThat(info.remittance()).isEqualTo("SEPA OVERBOEKING IBAN: NL86INGB0002445588 BIC: INGBNL2A NAAM:"
                + " BELASTINGDIENST APELDOORN BETALINGSKENM.: 1234123412345678");
    }

    @Test
    void freeTextWithoutParty() {
        assertThat(InformationToOwner.read(List.of("basically some information here", "lots of information")))
                .isEqualTo(new PaymentInfo(null, null, "basically some information here lots of information", null,
                        null));
        assertThat(InformationToOwner.read(List.of())).isEqualTo(PaymentInfo.NONE);
    }

    @Test
    void onlyRfReferencesWithRightCheckDigitsCount() {
        assertThat(CreditorReference.findRf("Invoice RF18 5390 0754 7034 paid")).isEqualTo("RF18539007547034");
        assertThat(CreditorReference.findRf("ref RF712348231")).isEqualTo("RF712348231");
        assertThat(CreditorReference.findRf("RF19 5390 0754 7034")).isNull();
        assertThat(CreditorReference.findRf("RF CONSULTING 2024")).isNull();
    }
}
