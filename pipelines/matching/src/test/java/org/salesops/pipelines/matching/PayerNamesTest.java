package org.salesops.pipelines.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayerNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"佛山市顺达建材有限公司", "佛山顺达建材有限公司", "佛山市顺达建材股份有限公司",
            "佛山市顺达建材有限责任公司", "佛山市顺达建材有限公司广州分公司", "佛山市顺达建材有限公司（广州分公司）",
            "佛山市顺达建材有限公司 广州办事处", "佛山市 顺达建材 有限公司", "佛山市顺达建材有线公司", "佛山市顺达建材"})
    void chineseLegalFormsBranchesSpacesAndFullWidthBracketsFallAway(String name) {
        assertThat(PayerNames.normalise(name)).isEqualTo("佛山顺达建材");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Foshan Shunda Building Materials Co., Ltd.", "Foshan Shunda Building Materials Co.,Ltd",
            "FOSHAN SHUNDA BUILDING MATERIALS LIMITED", "Foshan Shunda Building Materials Company Limited",
            "ＦＯＳＨＡＮ　ＳＨＵＮＤＡ　ＢＵＩＬＤＩＮＧ　ＭＡＴＥＲＩＡＬＳ　ＣＯ．，ＬＴＤ．",
            "Foshan Shunda Building Materials Co., Ltd. Guangzhou Branch", "Foshan Shunda Building-Materials GmbH",
            "Foshan Shunda Building Materials Inc."})
    void latinLegalFormsCaseAndFullWidthLettersFallAway(String name) {
        assertThat(PayerNames.normalise(name)).isEqualTo("foshanshundabuildingmaterials");
    }

    @Test
    void pinyinAliasesCompareWhateverTheCase() {
        assertThat(PayerNames.normalise("SHUNDA JIANCAI")).isEqualTo(PayerNames.normalise("Shunda Jiancai"))
                .isEqualTo("shundajiancai");
    }

    @Test
    void aBankBranchKeepsTheBank() {
        assertThat(PayerNames.normalise("招商银行股份有限公司深圳分行")).isEqualTo("招商银行");
        assertThat(PayerNames.normalise("招商银行深圳分行")).isEqualTo("招商银行");
    }

    @Test
    void aNameOfOnlyALegalFormKeepsIt() {
        assertThat(PayerNames.normalise("有限公司")).isEqualTo("有限公司");
        assertThat(PayerNames.normalise(null)).isEmpty();
        assertThat(PayerNames.normalise(" ,.")).isEmpty();
    }

    @Test
    void oneWrongCharacterIsATypoAnotherCityIsAnotherCompany() {
        String registered = PayerNames.normalise("佛山市顺达建材有限公司");
        assertThat(PayerNames.similarity(PayerNames.normalise("佛山市顺大建材有限公司"), registered))
                .isCloseTo(0.833, org.assertj.core.data.Offset.offset(0.001));
        assertThat(PayerNames.similarity(PayerNames.normalise("杭州市顺达建材有限公司"), registered)).isLessThan(0.8);
        assertThat(PayerNames.similarity(PayerNames.normalise("Foshan Shunda Bulding Materials Co Ltd"),
                PayerNames.normalise("Foshan Shunda Building Materials Co., Ltd."))).isGreaterThan(0.95);
        assertThat(PayerNames.similarity("", registered)).isZero();
    }

    @Test
    void aTradeNameIsPartOfTheRegisteredNameButOneCharacterIsTooLittle() {
        assertThat(PayerNames.contains("佛山顺达建材", "顺达")).isTrue();
        assertThat(PayerNames.contains("佛山顺达建材", "顺")).isFalse();
        assertThat(PayerNames.contains("foshanshundabuildingmaterials", "shunda")).isTrue();
        assertThat(PayerNames.contains("foshanshundabuildingmaterials", "sha")).isFalse();
        assertThat(PayerNames.contains("佛山顺达建材", "佛山顺达建材")).isFalse();
    }

    @Test
    void gramsArePairsOfChineseCharactersOrTriplesOfLetters() {
        assertThat(PayerNames.grams("顺达建材")).containsExactly("顺达", "达建", "建材");
        assertThat(PayerNames.grams("顺")).containsExactly("顺");
        assertThat(PayerNames.grams("shunda")).containsExactly("shu", "hun", "und", "nda");
        assertThat(PayerNames.grams("ab")).containsExactly("ab");
        assertThat(PayerNames.grams("")).isEmpty();
    }
}
