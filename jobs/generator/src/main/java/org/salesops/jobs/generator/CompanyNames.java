package org.salesops.jobs.generator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Invents customer companies with believable registered names, aliases, tax ids and bank accounts. */
final class CompanyNames {

    /** Trade name, its pinyin, and a near-homophone a clerk might type instead. */
    private static final String[][] TRADE_NAMES = {
        {"顺达", "Shunda", "顺大"}, {"恒信", "Hengxin", "恒心"}, {"华盛", "Huasheng", "华胜"},
        {"金泰", "Jintai", "金太"}, {"宏远", "Hongyuan", "宏源"}, {"鑫源", "Xinyuan", "鑫元"},
        {"博瑞", "Borui", "博锐"}, {"天成", "Tiancheng", "天诚"}, {"立德", "Lide", "力德"},
        {"嘉禾", "Jiahe", "佳禾"}, {"永利", "Yongli", "永力"}, {"新锐", "Xinrui", "新瑞"},
        {"海川", "Haichuan", "海穿"}, {"瑞丰", "Ruifeng", "瑞峰"}, {"卓越", "Zhuoyue", "卓悦"},
        {"蓝海", "Lanhai", "兰海"}, {"星辰", "Xingchen", "星晨"}, {"汇通", "Huitong", "汇同"},
        {"远航", "Yuanhang", "远行"}, {"佳美", "Jiamei", "嘉美"}, {"德润", "Derun", "德闰"},
        {"安达", "Anda", "安大"}, {"华宇", "Huayu", "华雨"}, {"凯旋", "Kaixuan", "凯璇"},
        {"明辉", "Minghui", "明晖"}, {"广源", "Guangyuan", "广元"}, {"润泽", "Runze", "润择"},
        {"锦程", "Jincheng", "锦成"}, {"启明", "Qiming", "启铭"}, {"同创", "Tongchuang", "同闯"},
        {"长青", "Changqing", "长清"}, {"信达", "Xinda", "信大"}, {"金桥", "Jinqiao", "金乔"},
        {"宏图", "Hongtu", "宏途"}, {"中联", "Zhonglian", "中连"}, {"泰和", "Taihe", "太和"},
        {"盛元", "Shengyuan", "胜元"}, {"百川", "Baichuan", "百穿"}, {"恒通", "Hengtong", "恒同"},
        {"鼎新", "Dingxin", "顶新"}};
    /** Industry word, its pinyin, its English. */
    private static final String[][] INDUSTRIES = {
        {"建材", "Jiancai", "Building Materials"}, {"五金", "Wujin", "Hardware"},
        {"工业配件", "Gongye Peijian", "Industrial Parts"}, {"智能科技", "Zhineng Keji", "Smart Technology"},
        {"物流", "Wuliu", "Logistics"}, {"医疗器械", "Yiliao Qixie", "Medical Devices"},
        {"化工", "Huagong", "Chemical"}, {"电子", "Dianzi", "Electronics"}, {"食品", "Shipin", "Foods"},
        {"纺织", "Fangzhi", "Textile"}, {"机械", "Jixie", "Machinery"}, {"教育科技", "Jiaoyu Keji", "Education Technology"},
        {"快消品", "Kuaixiaopin", "Consumer Goods"}, {"汽车零部件", "Qiche Lingbujian", "Auto Parts"}};

    /** Words a registered name may add after its industry once plain names run out: Chinese, pinyin, English. */
    private static final String[][] LINES_OF_BUSINESS = {
        {"贸易", "Maoyi", "Trading"}, {"实业", "Shiye", "Industrial"}, {"发展", "Fazhan", "Development"},
        {"国际", "Guoji", "International"}, {"供应链", "Gongyinglian", "Supply Chain"}};
    /**
     * Draws of one kind of name before trying the next, larger kind. Small companies never get past the first kind
     * (the default 90-day company's names fill about a quarter of its 17,220, and 16 taken draws in a row never
     * happen), so their names, and every draw after them, stay what they were. A 1,000-rep year invents over half a
     * million prospects: plain names alone would run out, and the draw would loop for ever. The last kind draws far
     * longer, so that it gives up only when it is all but full.
     */
    private static final int DRAWS_PER_KIND = 16;
    private static final int DRAWS_OF_THE_LAST_KIND = 1_000;

    private final Rng rng;
    private final String[][] tradeNames;
    private final Set<String> legalNames = new HashSet<>();
    private final Set<String> accounts = new HashSet<>();

    CompanyNames(Rng rng) {
        this(rng, TRADE_NAMES);
    }

    /** With other trade names: a test's few, to run out of names quickly. */
    CompanyNames(Rng rng, String[][] tradeNames) {
        this.rng = rng;
        this.tradeNames = tradeNames;
    }

    Company invent(City city) {
        for (int kind = 0; kind < 3; kind++) {
            for (int draw = 0; draw < (kind == 2 ? DRAWS_OF_THE_LAST_KIND : DRAWS_PER_KIND); draw++) {
                // Plain: a two-character trade name ("顺达"); then a four-character one ("顺达恒信"); then that with a
                // line of business after the industry ("顺达恒信建材贸易").
                String[] trade = kind == 0 ? rng.pick(tradeNames) : compoundTradeName();
                String[] industry = rng.pick(INDUSTRIES);
                String[] line = kind == 2 ? rng.pick(LINES_OF_BUSINESS) : new String[] {"", "", ""};
                String legal = city.registeredPrefix() + trade[0] + industry[0] + line[0]
                        + (rng.chance(0.12) ? "股份有限公司" : "有限公司");
                if (legalNames.add(legal)) {
                    return company(city, trade, industry, line, legal);
                }
            }
        }
        throw new IllegalStateException("no unused company name left after " + legalNames.size()
                + " companies: the generated company is larger than its name generator can name");
    }

    /** Two different trade names as one, with the near-homophone of the first half. */
    private String[] compoundTradeName() {
        String[] first = rng.pick(tradeNames);
        String[] second;
        do {
            second = rng.pick(tradeNames);
        } while (second == first);
        return new String[] {first[0] + second[0], first[1] + " " + second[1], first[2] + second[0]};
    }

    private Company company(City city, String[] trade, String[] industry, String[] line, String legal) {
        String shortName = rng.chance(0.7) ? trade[0] + industry[0] : trade[0];
        String english = city.pinyin() + " " + trade[1] + " " + industry[2] + (line[2].isEmpty() ? "" : " " + line[2])
                + (legal.endsWith("股份有限公司") ? " Co., Ltd." : rng.pick(List.of(" Co., Ltd.", " Co.,Ltd", " Limited")));
        String pinyin = trade[1] + " " + industry[1] + (line[1].isEmpty() ? "" : " " + line[1]);
        City branchCity = rng.pick(City.ALL.stream().filter(c -> c != city).toList());
        String branch = legal + branchCity.name() + "分公司";
        String typo = rng.chance(0.5) ? legal.replace(trade[0], trade[2]) : legal.replace("有限公司", "有线公司");
        List<String> bankAccounts = new ArrayList<>();
        bankAccounts.add(account());
        if (rng.chance(0.3)) {
            bankAccounts.add(account());
        }
        return new Company(shortName, legal, english, pinyin, branch, typo,
                CreditCodes.enterprise(city.adminCode(), rng), List.copyOf(bankAccounts), city, industry[0]);
    }

    /** A corporate account number as Chinese banks print them (15 to 19 digits). */
    String account() {
        String number;
        do {
            number = rng.between(1, 9) + rng.digits(rng.pick(List.of(14, 15, 16, 18)));
        } while (!accounts.add(number));
        return number;
    }
}
