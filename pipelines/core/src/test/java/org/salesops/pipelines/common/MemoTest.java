package org.salesops.pipelines.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoTest {

    private final List<String> worked = new ArrayList<>();
    private final Memo<String, Integer> length = new Memo<>(2, text -> {
        worked.add(text);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("nothing to measure");
        }
        return text.length();
    });

    @Test
    void worksOutEachInputOnce() {
        assertThat(List.of(length.apply("lead"), length.apply("lead"), length.apply("rep"), length.apply("lead")))
                .containsExactly(4, 4, 3, 4);
        assertThat(worked).containsExactly("lead", "rep");
    }

    @Test
    void startsAfreshWhenFull() {
        length.apply("lead");
        length.apply("rep");
        length.apply("deal");
        length.apply("lead");
        assertThat(worked).containsExactly("lead", "rep", "deal", "lead");
    }

    @Test
    void remembersNoFailure() {
        assertThatThrownBy(() -> length.apply("")).hasMessage("nothing to measure");
        assertThatThrownBy(() -> length.apply("")).hasMessage("nothing to measure");
        assertThat(worked).containsExactly("", "");
    }
}
