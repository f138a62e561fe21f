package org.salesops.jobs.generator;

import java.util.List;

/** What people write in the CRM: follow-up notes, evidence sentences, reasons, in Chinese as they would. */
final class Phrases {

    static final List<String> PRODUCTS = List.of("工业传感器套件", "产线自动化改造方案", "设备联网平台", "智能仓储系统", "工业配件集采");
    static final List<String> TITLES = List.of("采购经理", "采购总监", "技术负责人", "总经理", "设备部经理", "生产厂长", "行政主管");
    static final List<String> COMPETITORS = List.of("华工智造", "远景工控", "联创科技", "中控云");

    static final List<String> DISCOVERIES = List.of(
            "purchase_time_confirmed", "budget_confirmed", "tech_owner_involved", "decision_chain_mapped");
    static final List<String> OBJECTIONS = List.of("price", "feature", "decision_chain", "competitor");

    static final List<String> LEAD_INVALID_REASONS = List.of("空号或号码错误", "无真实需求,只是了解价格", "同行打探", "个人用户,非企业客户");
    static final List<String> LEAD_LOSS_REASONS = List.of("预算不足", "已选择竞品", "多次联系不上", "项目暂停", "需求不匹配");
    static final List<String> DEAL_LOSS_REASONS = List.of("价格高于竞品", "客户预算削减", "决策链未打通", "交付周期不满足", "选择了竞品");
    static final List<String> PAYMENT_OBSTACLES = List.of(
            "需客户内部走OA审批", "等待集团资金池拨款", "发票需先认证后付款", "客户财务每月25日统一付款", "需验收报告签字后付款");
    static final List<String> SUPPORT_NEEDED = List.of("需要售前支持技术方案", "需要主管协助谈价格", "需要交付确认排期", "需要财务开票", "");
    static final List<String> BANK_MEMOS = List.of("货款", "服务费", "设备款", "合同款", "往来款");

    private final Rng rng;

    Phrases(Rng rng) {
        this.rng = rng;
    }

    String firstContact(String channel, String product, String title) {
        String opening = switch (channel == null ? "" : channel) {
            case "douyin" -> "打通电话,客户是看到抖音视频留的资料,";
            case "expo" -> "展会上交换过名片,回访时";
            case "referral" -> "老客户介绍的,";
            default -> "首次电话沟通,";
        };
        return opening + rng.pick(List.of(
                "对方是" + title + ",对我们的" + product + "感兴趣,想先了解价格区间。",
                title + "说目前在调研" + product + ",让先发资料。",
                "客户" + title + "表示今年有" + product + "的计划,约了下周详细聊。"));
    }

    String followUp(String product) {
        return rng.pick(List.of(
                "跟进" + product + "需求细节,客户在对比几家供应商。",
                "客户在外地出差,简单聊了几句,约了下周再详谈。",
                "已加微信,发了公司介绍和同行业案例。",
                "电话沟通了使用场景,客户目前用的是" + rng.pick(COMPETITORS) + "的产品。",
                "客户反馈资料已经转给技术部门评估。",
                "确认了现场情况和设备数量,准备出初步方案。"));
    }

    /** The sentence a rep logs for a discovery, and the customer's words that back it. */
    String[] discovery(String code) {
        int month = rng.between(3, 9);
        int budget = rng.between(3, 20) * 10;
        return switch (code) {
            case "purchase_time_confirmed" -> new String[] {
                "客户确认" + month + "月启动采购。", "客户说:我们计划" + month + "月启动招标"};
            case "budget_confirmed" -> new String[] {
                "预算大概" + budget + "万。", "客户说:今年这块预算大概" + budget + "万左右"};
            case "tech_owner_involved" -> new String[] {
                "技术负责人下次一起参会。", "客户说:下次让我们技术总监一起来听"};
            default -> new String[] {
                "最终由集团采购部拍板,对接人负责前期评估。", "客户说:最后要集团采购部审批,我这边先出评估意见"};
        };
    }

    String objection(String type) {
        return switch (type) {
            case "price" -> rng.pick(List.of("客户反馈报价比竞品高15%左右,希望给阶梯折扣。", "客户觉得价格偏高,问能不能分期付款。"));
            case "feature" -> rng.pick(List.of("客户质疑我们的系统能否对接他们现有的ERP。", "客户担心传感器在高温车间的稳定性。"));
            case "decision_chain" -> rng.pick(List.of("对接人说最终要老板定,决策链还不清楚。", "客户内部还没确定由哪个部门牵头。"));
            default -> "客户提到正在和" + rng.pick(COMPETITORS) + "接触,对方报价更低。";
        };
    }

    /** A playbook strategy id for the objection, e.g. PRICE-2. */
    String strategy(String objection) {
        String prefix = switch (objection) {
            case "price" -> "PRICE";
            case "feature" -> "FEATURE";
            case "decision_chain" -> "DECISION";
            default -> "COMPETITOR";
        };
        return prefix + "-" + rng.between(1, 3);
    }

    String visit(String product) {
        return rng.pick(List.of(
                "上门拜访,参观了客户产线,现场确认了" + product + "的安装位置。",
                "拜访客户总部,和采购、技术两方一起过了方案。"));
    }

    String meeting() {
        return rng.pick(List.of("线上会议演示了系统,客户技术部3人参加。", "和客户开了方案评审会,记录了修改意见。"));
    }

    String email() {
        return rng.pick(List.of("邮件发送了产品资料和报价。", "邮件回复了客户的技术问题清单。"));
    }

    String wechat() {
        return rng.pick(List.of("微信语音沟通了20分钟,客户比较认可方案方向。", "微信上发了案例视频,客户回复会内部讨论。"));
    }

    String nextActions() {
        return rng.pick(List.of("明天回访两条新线索", "整理方案发给客户", "约客户技术负责人开会", "跟进报价反馈", "催回款路径信息"));
    }
}
