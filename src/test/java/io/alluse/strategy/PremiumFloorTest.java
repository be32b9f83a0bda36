package io.alluse.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PremiumFloorTest {

    @Test
    void aWeekOrLessMustEarnOneWeeksFloor() {
        // 1.5% of a 395 strike is 5.925: 5.93 meets it, 5.92 does not, whether 1 or 7 days remain
        PremiumFloor oneDay = new PremiumFloor(150, 1);
        assertThat(oneDay.isMetBy(593, 39_500)).isTrue();
        assertThat(oneDay.isMetBy(592, 39_500)).isFalse();
        assertThat(new PremiumFloor(150, 7).isMetBy(593, 39_500)).isTrue();
        assertThat(new PremiumFloor(150, 0).isMetBy(592, 39_500)).isFalse();
        assertThat(oneDay.describe(false)).isEqualTo("floor 1.5%/wk");
    }

    @Test
    void longerHoldsMustEarnTheFloorPerWeek() {
        // 9 days at 1%/wk: 225 x 1% x 9/7 = 2.892857 -> 2.90 meets it, 2.89 does not
        PremiumFloor nineDays = new PremiumFloor(100, 9);
        assertThat(nineDays.isMetBy(290, 22_500)).isTrue();
        assertThat(nineDays.isMetBy(289, 22_500)).isFalse();
        // 100 bp x 9 / 7 = 128.57 bp: shown rounded up when missed, down when met
        assertThat(nineDays.describe(false)).isEqualTo("floor 1%/wk x 9/7 weeks = 1.29%");
        assertThat(nineDays.describe(true)).isEqualTo("floor 1%/wk x 9/7 weeks = 1.28%");
    }

    @Test
    void aZeroFloorIsAlwaysMet() {
        assertThat(new PremiumFloor(0, 40).isMetBy(1, 50_000)).isTrue();
    }

    @Test
    void premiumShareOfStrikeIsRoundedDown() {
        // 5.88 / 395 = 1.4886% -> 148 bp
        assertThat(PremiumFloor.premiumBp(588, 39_500)).isEqualTo(148);
    }
}
