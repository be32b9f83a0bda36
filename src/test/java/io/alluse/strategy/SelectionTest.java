package io.alluse.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.DeltaRange;
import io.alluse.domain.DteRange;
import io.alluse.domain.Symbol;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {

    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 11);
    private static final Symbol TSLA = new Symbol("TSLA");
    private static final LocalDate FRI = LocalDate.of(2026, 11, 13);

    @Test
    void nearestExpiryInsideTheRange() {
        List<LocalDate> listed = List.of(LocalDate.of(2026, 11, 13), LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 27));
        // from Wednesday: 2, 9 and 16 days
        assertThat(Selection.expiry(listed, WEDNESDAY, new DteRange(5, 9))).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(Selection.expiry(listed, WEDNESDAY, new DteRange(0, 30))).isEqualTo(LocalDate.of(2026, 11, 13));
        assertThat(Selection.expiry(listed, WEDNESDAY, new DteRange(10, 15))).isNull();
        assertThat(Selection.noExpiryDetail("", listed, WEDNESDAY, new DteRange(10, 15)))
                .isEqualTo("no expiry 10-15 days out from 2026-11-11; nearest listed 2026-11-20 (9 days), 2026-11-27 (16 days)");
        assertThat(Selection.noExpiryDetail("", List.of(), WEDNESDAY, new DteRange(10, 15))).endsWith("none listed");
    }

    @Test
    void strikeClosestToTheTargetInsideTheBandTiesGoingFurtherOutOfTheMoney() {
        FixedMarket m = new FixedMarket(Instant.parse("2026-11-11T16:00:00Z")).spot(TSLA, 400)
                .put(TSLA, FRI, "385", "2.00", "2.10", -0.30)
                .put(TSLA, FRI, "390", "3.00", "3.10", -0.42)   // 0.03 from 0.45
                .put(TSLA, FRI, "395", "4.00", "4.10", -0.48)   // 0.03 from 0.45: tie, the smaller |delta| wins
                .put(TSLA, FRI, "400", "6.00", "6.10", -0.53);
        Selection.StrikePick pick = Selection.strike(m.chain(TSLA, FRI).puts(), new DeltaRange(0.40, 0.50), 0);
        assertThat(pick.best.strike().cents()).isEqualTo(39_000);

        Selection.StrikePick none = Selection.strike(m.chain(TSLA, FRI).puts(), new DeltaRange(0.32, 0.40), 0);
        assertThat(none.best).isNull();
        assertThat(Selection.noStrikeDetail(none, new DeltaRange(0.32, 0.40))).isEqualTo("no strike with |delta| in 0.32-0.40 (nearest seen 0.30 and 0.42)");
    }

    @Test
    void aMinimumStrikeRejectsInBandStrikesBelowIt() {
        FixedMarket m = new FixedMarket(Instant.parse("2026-11-11T16:00:00Z")).spot(TSLA, 392)
                .call(TSLA, FRI, "390", "6.00", "6.20", 0.55)
                .call(TSLA, FRI, "392.5", "4.90", "5.05", 0.45)
                .call(TSLA, FRI, "395", "3.90", "4.05", 0.42)
                .call(TSLA, FRI, "400", "2.30", "2.40", 0.34);
        // cost basis 395.00: 392.5 (|delta| exactly on target) is below it, 395 is the pick
        Selection.StrikePick pick = Selection.strike(m.chain(TSLA, FRI).calls(), new DeltaRange(0.40, 0.50), 39_500);
        assertThat(pick.best.strike().cents()).isEqualTo(39_500);
        assertThat(pick.inBandBelowMinStrike).isEqualTo(1);
        Selection.StrikePick above = Selection.strike(m.chain(TSLA, FRI).calls(), new DeltaRange(0.40, 0.50), 39_600);
        assertThat(above.best).isNull();
        assertThat(above.inBandBelowMinStrike).isEqualTo(2);
        assertThat(above.highestRejectedStrike).isEqualTo(39_500);
    }
}
