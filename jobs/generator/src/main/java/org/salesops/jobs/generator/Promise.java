package org.salesops.jobs.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * Something a rep promises a customer, as said on the phone and as registered in the commitment
 * table (承诺登记表); the due date follows from what was said ("下周三前" = before next Wednesday).
 */
enum Promise {
    SEND_PROPOSAL("我下周三前把方案发给您", "发送技术方案", Due.NEXT_WEDNESDAY),
    DEMO("明天下午我安排技术同事给您做个演示", "安排产品演示", Due.TOMORROW),
    SAMPLES("样品我这周五前给您寄过去", "寄送样品", Due.THIS_FRIDAY),
    QUOTE("报价单我周五前发您邮箱", "提交正式报价单", Due.THIS_FRIDAY),
    TEST_ENVIRONMENT("下周三前帮您把测试环境搭好", "下周三上线测试环境", Due.NEXT_WEDNESDAY),
    DELIVERY_DATE("交付排期我下周一前给您确认", "确认交付排期", Due.NEXT_MONDAY),
    SITE_SURVEY("两周内我们安排工程师到现场调研", "两周内完成现场调研", Due.TWO_WEEKS);

    private enum Due { TOMORROW, THIS_FRIDAY, NEXT_MONDAY, NEXT_WEDNESDAY, TWO_WEEKS }

    static final List<Promise> ALL = List.of(values());

    private final String spoken;
    private final String registered;
    private final Due due;

    Promise(String spoken, String registered, Due due) {
        this.spoken = spoken;
        this.registered = registered;
        this.due = due;
    }

    /** The sentence in the follow-up notes. */
    String spoken() {
        return spoken;
    }

    /** The commitment's content as registered. */
    String registered() {
        return registered;
    }

    LocalDate dueDate(LocalDate saidOn) {
        return switch (due) {
            case TOMORROW -> saidOn.plusDays(1);
            case THIS_FRIDAY -> saidOn.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
            case NEXT_MONDAY -> saidOn.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            case NEXT_WEDNESDAY -> saidOn.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                    .with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
            case TWO_WEEKS -> saidOn.plusDays(14);
        };
    }
}
