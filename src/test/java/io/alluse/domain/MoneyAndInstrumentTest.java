package io.alluse.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyAndInstrumentTest {

    @Test
    void formatsLikeAStatement() {
        assertThat(Money.ofCents(123_456_780).format()).isEqualTo("$1,234,567.80");
        assertThat(Money.ofCents(-5).format()).isEqualTo("-$0.05");
        assertThat(Money.ofDollars(500_000).formatWhole()).isEqualTo("$500,000");
    }

    @Test
    void roundsModelPricesHalfUpToTheCent() {
        assertThat(Money.roundedFrom(1.225).cents()).isIn(122L, 123L); // 1.225 is not exact in binary
        assertThat(Money.roundedFrom(2.346).cents()).isEqualTo(235);
        assertThatThrownBy(() -> Money.roundedFrom(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void occSymbolMatchesTheOccFormat() {
        // OCC symbology example: AAPL put, strike 150, expiring 2025-12-19
        OptionContract put = new OptionContract(new Symbol("AAPL"), LocalDate.of(2025, 12, 19), OptionRight.PUT, Money.ofDollars(150));
        assertThat(put.code()).isEqualTo("AAPL  251219P00150000");
        OptionContract call = new OptionContract(new Symbol("TSLA"), LocalDate.of(2026, 1, 16), OptionRight.CALL, Money.ofCents(42_250));
        assertThat(call.code()).isEqualTo("TSLA  260116C00422500");
        assertThat(Instrument.parse(call.code())).isEqualTo(call);
        assertThat(Instrument.parse("NVDA")).isEqualTo(new Stock(new Symbol("NVDA")));
        assertThat(put.collateralPerContract()).isEqualTo(Money.ofDollars(15_000));
    }

    @Test
    void occCodeWrittenByHandEqualsTheFormatterForm() {
        // the formatter form code() used before it was written by hand: an independent second way
        java.time.format.DateTimeFormatter occDate = java.time.format.DateTimeFormatter.ofPattern("yyMMdd", java.util.Locale.ROOT);
        java.util.Random random = new java.util.Random(3);
        String[] roots = {"A", "BRK.B", "AAPL", "GOOGL", "SPY", "QQQ", "BF.A"};
        for (int i = 0; i < 20_000; i++) {
            Symbol symbol = new Symbol(roots[random.nextInt(roots.length)]);
            LocalDate expiry = LocalDate.of(1990 + random.nextInt(150), 1, 1).plusDays(random.nextInt(366));
            OptionRight right = random.nextBoolean() ? OptionRight.PUT : OptionRight.CALL;
            Money strike = Money.ofCents(1 + (random.nextBoolean() ? random.nextInt(100_000) : random.nextLong(1, 100_000_000_000L)));
            OptionContract c = new OptionContract(symbol, expiry, right, strike);
            String expected = (symbol.value().replace(".", "") + "      ").substring(0, 6) + occDate.format(expiry) + right.code()
                    + String.format(java.util.Locale.ROOT, "%08d", strike.cents() * 10L);
            assertThat(c.code()).as(c.describe()).isEqualTo(expected);
        }
    }

    @Test
    void suggestedWindowsDoNotOverlapUntilTheDayIsFullThenShareAsLittleAsPossible() {
        List<ExecutionWindow> taken = new java.util.ArrayList<>();
        // 09:45-15:30 holds eleven 30-minute windows and, in the 15:15-15:30 gap, one of 15 minutes
        for (int i = 0; i < 12; i++) {
            ExecutionWindow next = ExecutionWindow.suggest(taken);
            assertThat(taken).noneMatch(next::overlaps);
            taken.add(next);
        }
        assertThat(taken.getFirst()).isEqualTo(ExecutionWindow.of("09:45", "10:15"));
        assertThat(taken.get(1)).isEqualTo(ExecutionWindow.of("10:15", "10:45"));
        assertThat(taken.get(11)).isEqualTo(ExecutionWindow.of("15:15", "15:30"));
        for (int i = 0; i < 100; i++) {
            ExecutionWindow next = ExecutionWindow.suggest(taken);
            long sharing = taken.stream().filter(next::overlaps).count();
            long leastPossible = java.util.stream.IntStream.range(0, 69)
                    .mapToObj(k -> new ExecutionWindow(java.time.LocalTime.of(9, 45).plusMinutes(5L * k), java.time.LocalTime.of(9, 50).plusMinutes(5L * k)))
                    .mapToLong(w -> taken.stream().filter(w::overlaps).count()).min().orElseThrow();
            assertThat(sharing).isEqualTo(leastPossible);
            assertThat(next.start()).isAfterOrEqualTo(ExecutionWindow.MARKET_OPEN);
            assertThat(next.end()).isBeforeOrEqualTo(ExecutionWindow.MARKET_CLOSE);
            taken.add(next);
        }
    }
}
