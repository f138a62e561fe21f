package org.salesops.jobs.cli;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.salesops.dashboards.Cookbook;
import org.salesops.dashboards.QueryResult;

/**
 * The five items of the seed's closing self-test (销售管理健康度自测表), each scored 1 (完全不符合, not at all) to 5
 * (完全符合, fully) from the answers of its SQL in dashboards/self-test, with the evidence behind the score. Each
 * item's README says how it is scored.
 */
enum SelfTestItem {

    CORE_OBJECTION("01-", "你能说出任意一位销售最近3次跟进中,客户提出的最核心反对意见是什么?",
            "Can you name the core objection in any rep's last three follow-ups?") {
        @Override
        Score score(List<Cookbook.Step> steps) {
            QueryResult reps = steps.get(0).result();
            long named = count(reps, "core_objection");
            return new Score(bands(share(named, reps.rows().size())), String.format(
                    "%d/%d 名销售最近3次跟进中记录了核心异议 reps whose last three follow-ups name a core objection",
                    named, reps.rows().size()));
        }
    },

    CUSTOMER_TIMELINE("02-", "当客户说‘再考虑一下’,你的销售是否能在系统中调出该客户过去6个月的行为轨迹?",
            "Can a rep pull up a customer's last six months in the system?") {
        @Override
        Score score(List<Cookbook.Step> steps) {
            QueryResult customers = steps.get(0).result();
            if (customers.rows().isEmpty()) {
                return new Score(1, "近6个月无客户互动 no customer interaction in six months");
            }
            List<Object> richest = customers.rows().get(0);
            int kinds = ((Number) richest.get(customers.column("kinds"))).intValue();
            return new Score(Math.max(1, kinds), String.format(
                    "%s: %s 条记录, 通话/跟进/报价/承诺/回款 %d/5 类齐全 events, %d of 5 kinds (calls %s, follow-ups %s, "
                            + "quotes %s, commitments %s, payments %s); 网页访问与资料下载未接入 web visits and downloads not captured",
                    richest.get(customers.column("customer")), richest.get(customers.column("events")), kinds, kinds,
                    richest.get(customers.column("calls")), richest.get(customers.column("follow_ups")),
                    richest.get(customers.column("quotes")), richest.get(customers.column("commitments")),
                    richest.get(customers.column("payments"))));
        }
    },

    QUOTE_IN_CONTEXT("03-", "销售提交的报价单,是否自动关联客户历史采购价、服务等级协议、当前合同剩余期限?",
            "Is each quote shown beside the customer's past prices, contract terms and remaining term?") {
        @Override
        Score score(List<Cookbook.Step> steps) {
            QueryResult quotes = steps.get(0).result();
            int past = quotes.column("past_contracts");
            List<List<Object>> returning = quotes.rows().stream().filter(r -> ((Number) r.get(past)).longValue() > 0).toList();
            long complete = returning.stream().filter(r -> r.get(quotes.column("last_contract_amount")) != null
                    && r.get(quotes.column("remaining_term_days")) != null).count();
            // The CRM's contracts carry no end date and no service level: the remaining term is an assumption.
            int score = returning.isEmpty() ? 1 : Math.min(4, bands(share(complete, returning.size())));
            return new Score(score, String.format(
                    "近30天报价 %d 份, 老客户 %d 份中 %d 份带出历史价格、合同条款与剩余期限 quotes in 30 days: %d, of "
                            + "returning customers %d, %d with past price, terms and remaining term; 合同无到期日与SLA, "
                            + "剩余期限按12个月推算 no end date or SLA in contracts: term assumed 12 months (max 4)",
                    quotes.rows().size(), returning.size(), complete, quotes.rows().size(), returning.size(), complete));
        }
    },

    PAYMENT_TRACE("04-", "财务收到一笔回款时,能否在3秒内反查到是哪个销售、哪条线索、哪次拜访促成的?",
            "Can finance trace a payment to its rep, lead and visit within three seconds?") {
        @Override
        Score score(List<Cookbook.Step> steps) {
            Duration lookup = steps.get(1).result().elapsed();
            QueryResult coverage = steps.get(2).result();
            List<Object> row = coverage.rows().get(0);
            long credits = number(coverage, row, "credits");
            long rep = number(coverage, row, "traced_to_rep");
            int score = bands(share(rep, credits));
            if (lookup.compareTo(THREE_SECONDS) >= 0) {
                score = Math.min(score, 2);
            }
            return new Score(score, String.format(
                    "单笔追溯 %d ms one payment traced in %d ms; %d/%d 笔回款追到销售 credits traced to a rep, %d 到线索 to a "
                            + "lead, %d 到拜访 to a visit",
                    lookup.toMillis(), lookup.toMillis(), rep, credits, number(coverage, row, "traced_to_lead"),
                    number(coverage, row, "traced_to_visit")));
        }
    },

    NEW_REP_FIRST_CYCLE("05-", "新销售入职第7天,是否已能独立完成从线索分配到首次跟进的全流程系统操作?",
            "By day 7, can a new rep work a lead through the whole flow on their own?") {
        @Override
        Score score(List<Cookbook.Step> steps) {
            QueryResult reps = steps.get(0).result();
            if (reps.rows().isEmpty()) {
                return new Score(1, "无销售分配线索 no rep has been assigned a lead");
            }
            List<Object> newest = reps.rows().stream().filter(r -> Boolean.TRUE.equals(r.get(reps.column("new_rep"))))
                    .findFirst().orElse(reps.rows().get(0));
            Object rep = newest.get(reps.column("rep"));
            Number days = (Number) newest.get(reps.column("days_to_first_cycle"));
            Number observed = (Number) newest.get(reps.column("days_observed"));
            if (days == null) {
                boolean firstWeek = observed != null && observed.doubleValue() < 7;
                return new Score(firstWeek ? 3 : 1, String.format("%s: 首条线索后 %s 天仍未完成闭环 no complete cycle %s days "
                        + "after the first lead%s", rep, observed, observed, firstWeek ? " (入职首周 first week)" : ""));
            }
            double d = days.doubleValue();
            int score = d <= 7 ? 5 : d <= 10 ? 4 : d <= 14 ? 3 : d <= 21 ? 2 : 1;
            return new Score(score, String.format("%s: 首条线索后 %s 天完成首个闭环(分配→联系→有发现的跟进) first complete "
                    + "cycle (assigned, contacted, followed up with a discovery) %s days after the first lead", rep, days, days));
        }
    };

    static final Duration THREE_SECONDS = Duration.ofSeconds(3);

    /** A score from 1 to 5 and what it rests on. */
    record Score(int points, String evidence) {
    }

    final String folderPrefix;
    final String questionZh;
    final String questionEn;

    SelfTestItem(String folderPrefix, String questionZh, String questionEn) {
        this.folderPrefix = folderPrefix;
        this.questionZh = questionZh;
        this.questionEn = questionEn;
    }

    abstract Score score(List<Cookbook.Step> steps);

    static SelfTestItem of(Cookbook.Recipe recipe) {
        for (SelfTestItem item : values()) {
            if (recipe.name().startsWith(item.folderPrefix)) {
                return item;
            }
        }
        throw new IllegalArgumentException("no self-test item for " + recipe.name());
    }

    /** 5 from 90 %, 4 from 75 %, 3 from 50 %, 2 from 25 %, else 1. */
    static int bands(double share) {
        return share >= 0.9 ? 5 : share >= 0.75 ? 4 : share >= 0.5 ? 3 : share >= 0.25 ? 2 : 1;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static long count(QueryResult result, String column) {
        int index = result.column(column);
        return result.rows().stream().map(r -> r.get(index)).filter(Objects::nonNull).count();
    }

    private static long number(QueryResult result, List<Object> row, String column) {
        return ((Number) row.get(result.column(column))).longValue();
    }
}
