package org.salesops.jobs.generator;

import java.util.HashSet;
import java.util.Set;

/** Common Chinese surnames and given-name characters, so that staff and contacts read naturally. */
final class ChineseNames {

    private static final String[][] SURNAMES = {
        {"王", "wang"}, {"李", "li"}, {"张", "zhang"}, {"刘", "liu"}, {"陈", "chen"}, {"杨", "yang"},
        {"黄", "huang"}, {"赵", "zhao"}, {"吴", "wu"}, {"周", "zhou"}, {"徐", "xu"}, {"孙", "sun"},
        {"马", "ma"}, {"朱", "zhu"}, {"胡", "hu"}, {"郭", "guo"}, {"何", "he"}, {"林", "lin"},
        {"罗", "luo"}, {"高", "gao"}, {"郑", "zheng"}, {"梁", "liang"}, {"谢", "xie"}, {"宋", "song"},
        {"唐", "tang"}, {"韩", "han"}, {"冯", "feng"}, {"邓", "deng"}, {"曹", "cao"}, {"彭", "peng"}};
    private static final String[][] GIVEN = {
        {"伟", "wei"}, {"芳", "fang"}, {"娜", "na"}, {"敏", "min"}, {"静", "jing"}, {"丽", "li"},
        {"强", "qiang"}, {"磊", "lei"}, {"军", "jun"}, {"洋", "yang"}, {"勇", "yong"}, {"艳", "yan"},
        {"杰", "jie"}, {"娟", "juan"}, {"涛", "tao"}, {"明", "ming"}, {"超", "chao"}, {"霞", "xia"},
        {"平", "ping"}, {"刚", "gang"}, {"文", "wen"}, {"辉", "hui"}, {"鹏", "peng"}, {"华", "hua"},
        {"飞", "fei"}, {"鑫", "xin"}, {"宇", "yu"}, {"浩", "hao"}, {"晨", "chen"}, {"婷", "ting"},
        {"雪", "xue"}, {"琳", "lin"}, {"佳", "jia"}, {"欣", "xin"}, {"博", "bo"}, {"思", "si"}};

    private final Rng rng;
    private final Set<String> usedStaffNames = new HashSet<>();

    ChineseNames(Rng rng) {
        this.rng = rng;
    }

    /** Any name; customers' contacts may share names, as people do. */
    PersonName any() {
        String[] surname = rng.pick(SURNAMES);
        String[] first = rng.pick(GIVEN);
        if (rng.chance(0.35)) {
            return new PersonName(surname[0] + first[0], surname[1], first[1]);
        }
        String[] second = rng.pick(GIVEN);
        return new PersonName(surname[0] + first[0] + second[0], surname[1], first[1] + second[1]);
    }

    /** A name not yet used by a colleague, so that e-mail addresses stay unique. */
    PersonName colleague() {
        PersonName name = any();
        while (!usedStaffNames.add(name.chinese())) {
            name = any();
        }
        return name;
    }
}
