package io.alluse.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code suggestMany} is {@code suggest} called over the growing list, only cheaper. */
class ExecutionWindowSuggestManyTest {

    @Test
    void givesWhatSuggestGivesOneAccountAtATime() {
        int count = 400; // free windows run out after 81; the rest share slots, several rounds of them
        List<ExecutionWindow> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            taken.add(ExecutionWindow.suggest(taken));
        }
        assertThat(ExecutionWindow.suggestMany(count)).isEqualTo(taken);
        for (int n : new int[] {0, 1, 12, 80, 81, 82, 83, 153, 154, 155}) {
            assertThat(ExecutionWindow.suggestMany(n)).as("%d accounts", n).isEqualTo(taken.subList(0, n));
        }
        assertThat(taken.stream().distinct().count()).as("distinct windows").isEqualTo(81);
    }
}
