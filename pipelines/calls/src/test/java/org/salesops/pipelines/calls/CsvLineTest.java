package org.salesops.pipelines.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.salesops.pipelines.common.RejectedInput;

class CsvLineTest {

    @Test
    void unquotesAndUndoublesQuotes() throws RejectedInput {
        assertThat(CsvLine.split("\"\",\"\"\"Leanna Cuphus\"\" <609-326-2780>\",\"Dial\",402"))
                .containsExactly("", "\"Leanna Cuphus\" <609-326-2780>", "Dial", "402");
    }

    @Test
    void keepsCommasAndLineBreaksInsideQuotes() throws RejectedInput {
        assertThat(CsvLine.split("\"PJSIP/201,30,tT\",\"two\nlines\",x"))
                .containsExactly("PJSIP/201,30,tT", "two\nlines", "x");
    }

    @Test
    void readsEmptyBareFieldsAsEmpty() throws RejectedInput {
        assertThat(CsvLine.split(",a,,\"\",")).containsExactly("", "a", "", "", "");
        assertThat(CsvLine.split("")).containsExactly("");
    }

    @Test
    void ignoresOneTrailingLineBreak() throws RejectedInput {
        assertThat(CsvLine.split("a,\"b\"\r\n")).containsExactly("a", "b");
        assertThat(CsvLine.split("a,b\n")).containsExactly("a", "b");
    }

    @Test
    void rejectsBrokenQuoting() {
        assertThatThrownBy(() -> CsvLine.split("a,\"b,c"))
                .isInstanceOf(RejectedInput.class).hasMessage("CSV: column 2 opens a quote that is never closed");
        assertThatThrownBy(() -> CsvLine.split("a,\"b\"c,d"))
                .isInstanceOf(RejectedInput.class).hasMessage("CSV: column 2 has text after its closing quote");
        assertThatThrownBy(() -> CsvLine.split("a,b\"c\""))
                .isInstanceOf(RejectedInput.class).hasMessage("CSV: column 2 has a quote but is not quoted");
    }

    @Test
    void rejectsTwoRecordsInOneLine() {
        assertThatThrownBy(() -> CsvLine.split("a,b\nc,d"))
                .isInstanceOf(RejectedInput.class).hasMessage("CSV: more than one line (line break in column 2)");
    }

    @Test
    void quotesSoThatSplitReadsTheSameValueBack() throws RejectedInput {
        String value = "\"Wang, Li\" <201>";
        assertThat(CsvLine.quoted(value)).isEqualTo("\"\"\"Wang, Li\"\" <201>\"");
        assertThat(CsvLine.split(CsvLine.quoted(value) + "," + CsvLine.quoted(""))).containsExactly(value, "");
    }
}
