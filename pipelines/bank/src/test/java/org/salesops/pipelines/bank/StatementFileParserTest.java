package org.salesops.pipelines.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.common.RejectedInput;

/** The format is told by content and each file goes to its parser whole. */
class StatementFileParserTest {

    private final StatementFileParser parser = new StatementFileParser();

    @Test
    void camtXmlGoesToTheCamtParser() throws RejectedInput {
        String file = "camt053/dvbern__iso20022/camt.053_P_CH0309000000250090342_380000000_0_2016053100163801.xml";

        assertThat(parser.parse(Samples.read(file), "any.name")).isEqualTo(new CamtParser().parse(Samples.read(file),
                "any.name"));
    }

    @Test
    void mt940GoesToTheMt940ParserWithOrWithoutHeaderBlocks() throws RejectedInput {
        for (String file : new String[] {"mt940/fruitl00p__php-mt940/Spk/sample",
                "mt940/zilverline__mt940/knab/knab_two_blocks.txt", "mt940/wolph__mt940/mBank/mt942.sta"}) {
            assertThat(parser.parse(Samples.read(file), "x.csv")).isEqualTo(new Mt940Parser().parse(Samples.read(file),
                    "x.csv"));
        }
    }

    @Test
    void chineseBankCsvGoesToTheCsvParser() throws RejectedInput {
        String file = "cn-bank-export/deb-sig__double-entry-generator/boc/debit/example-boc-records.csv";

        assertThat(parser.parse(Samples.read(file), "x.sta")).isEqualTo(new ChineseBankCsvParser()
                .parse(Samples.read(file), "x.sta"));
    }

    @Test
    void aRejectionComesFromTheFormatsParser() {
        String file = "mt940/svenstaro__mt940-rs/bugs/issue-51.sta";

        assertThatThrownBy(() -> parser.parse(Samples.read(file), "issue-51.sta"))
                .isExactlyInstanceOf(RejectedInput.class)
                .hasMessageStartingWith("issue-51.sta: MT940 statement[1]: statement :20:STARTUMSE :28C:00000/001 of"
                        + " account 20752041/0291593375 does not reconcile");
    }

    @Test
    void unknownEmptyAndExcelFilesAreRejected() {
        byte[] unknown = "date;amount\n2024-01-01;1.00\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(unknown, "a.csv"))
                .isExactlyInstanceOf(RejectedInput.class)
                .hasMessage("a.csv: unknown statement format: not camt.052/053/054 XML, not MT940/MT942 (no line"
                        + " starting with :20:), and no known bank CSV header");
        assertThatThrownBy(() -> parser.parse(new byte[0], "b")).hasMessage("b: empty file");
        assertThatThrownBy(() -> parser.parse(Samples.read(
                "cn-bank-export/deb-sig__double-entry-generator/wechat/example-wechat-records.xlsx"), "c.xlsx"))
                .hasMessageStartingWith("c.xlsx: an Excel workbook or other archive");
    }
}
