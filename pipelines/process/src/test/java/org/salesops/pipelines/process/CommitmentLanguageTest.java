package org.salesops.pipelines.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommitmentLanguageTest {

    static final CommitmentLanguage LANGUAGE = CommitmentLanguage.load();

    @Test
    void theRulesFileIsLoaded() {
        assertThat(LANGUAGE.size()).isGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "跟进需求细节。我下周三前把方案发给您。",
            "明天下午我安排技术同事给您做个演示。",
            "样品我这周五前给您寄过去。",
            "报价单我周五前发您邮箱。",
            "下周三前帮您把测试环境搭好。",
            "交付排期我下周一前给您确认。",
            "两周内我们安排工程师到现场调研。",
            "我们会尽快安排。",
            "保证月底前完成交付。",
            "I will send the revised quote by Friday.",
            "We'll have the test environment ready.",
            "Promised the customer a demo."})
    void findsPromises(String notes) {
        assertThat(LANGUAGE.find(notes)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "客户在外地出差,简单聊了几句,约了下周再详谈。",
            "对方是采购经理,对我们的设备联网平台感兴趣,想先了解价格区间。",
            "微信上发了案例视频,客户回复会内部讨论。",
            "客户反馈报价比竞品高15%左右,希望给阶梯折扣。",
            "Customer will review internally; willing to meet next week.",
            ""})
    void ignoresOrdinaryNotes(String notes) {
        assertThat(LANGUAGE.find(notes)).isEmpty();
    }

    @Test
    void reportsTheWordsFound() {
        assertThat(LANGUAGE.find("电话沟通了使用场景。我下周三前把方案发给您。")).contains("下周三前");
    }
}
