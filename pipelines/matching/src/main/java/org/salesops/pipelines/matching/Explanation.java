package org.salesops.pipelines.matching;

import java.util.ArrayList;
import java.util.List;

/** The reasons behind a result, each in Chinese and in English; read as "中文;中文 / English; English". */
final class Explanation {

    private final List<String> chinese = new ArrayList<>();
    private final List<String> english = new ArrayList<>();

    Explanation add(String zh, String en) {
        chinese.add(zh);
        english.add(en);
        return this;
    }

    Explanation addAll(Explanation other) {
        chinese.addAll(other.chinese);
        english.addAll(other.english);
        return this;
    }

    String text() {
        return String.join(";", chinese) + " / " + String.join("; ", english);
    }
}
