package io.alluse.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.Money;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The tree's quick whole-dollar format prints exactly what Money.formatWhole prints. */
class FormatsTest {

    @Property(tries = 5_000)
    void money_is_money_format_whole_for_any_amount(@ForAll long cents) {
        assertThat(Formats.money(Money.ofCents(cents))).isEqualTo(Money.ofCents(cents).formatWhole());
    }

    @Property(tries = 5_000)
    void money_is_money_format_whole_for_account_sized_amounts(@ForAll @LongRange(min = -100_000_000_00L, max = 100_000_000_00L) long cents) {
        assertThat(Formats.money(Money.ofCents(cents))).isEqualTo(Money.ofCents(cents).formatWhole());
    }

    @Test
    void money_rounds_half_up_and_groups_like_format_whole_at_the_edges() {
        long[] edges = {0, 1, 49, 50, 51, 99, 100, 149, 150, -1, -49, -50, -51, -150, 99_949, 99_950, 99_999_950,
                100_000_00, -100_000_00, 123_456_789_01L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
        for (long c : edges) {
            assertThat(Formats.money(Money.ofCents(c))).as("%d cents", c).isEqualTo(Money.ofCents(c).formatWhole());
        }
        assertThat(Formats.money(Money.ofCents(123_456_789_50L))).isEqualTo("$123,456,790");
        assertThat(Formats.money(Money.ofCents(-1_234_49L))).isEqualTo("-$1,234");
    }
}
