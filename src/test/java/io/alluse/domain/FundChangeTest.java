package io.alluse.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class FundChangeTest {

    private static final AccountConfig CONFIG = Defaults.config(ExecutionWindow.of("10:00", "10:30"));
    private static final Instant T = Instant.parse("2026-03-02T15:00:00Z");

    @Test
    void depositIsReSplitByTheTargets() {
        SleeveCapitals before = SleeveCapitals.split(Money.ofDollars(500_000), CONFIG);
        FundChange change = FundChange.book(before, CashFlow.deposit(Money.ofDollars(100_000), T, "act-1"), CONFIG);
        assertThat(change.after().of(SleeveKind.GEN)).isEqualTo(Money.ofDollars(240_000));
        assertThat(change.after().of(SleeveKind.REV)).isEqualTo(Money.ofDollars(180_000));
        assertThat(change.after().of(SleeveKind.COM)).isEqualTo(Money.ofDollars(180_000));
        assertThat(change.change(SleeveKind.GEN)).isEqualTo(Money.ofDollars(40_000));
    }

    @Test
    void depositRestoresTargetsAfterSleevesDrifted() {
        // Gen grew to $230,000 while the others stayed: total $530,000 + $70,000 deposit = $600,000 -> 240/180/180
        SleeveCapitals drifted = SleeveCapitals.of(Money.ofDollars(230_000), Money.ofDollars(150_000), Money.ofDollars(150_000));
        FundChange change = FundChange.book(drifted, CashFlow.deposit(Money.ofDollars(70_000), T, "act-2"), CONFIG);
        assertThat(change.after()).isEqualTo(SleeveCapitals.of(Money.ofDollars(240_000), Money.ofDollars(180_000), Money.ofDollars(180_000)));
    }

    @Test
    void withdrawalLargerThanFreeCashIsRefusedWithTheAmountAllowed() {
        SleeveCapitals before = SleeveCapitals.split(Money.ofDollars(500_000), CONFIG);
        CashFlow flow = CashFlow.withdrawal(Money.ofDollars(120_000), T, "req-1");
        assertThatThrownBy(() -> FundChange.request(before, flow, CONFIG, Money.ofDollars(100_000)))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("$120,000.00")
                .hasMessageContaining("free cash of $100,000.00")
                .hasMessageContaining("Withdraw at most $100,000.00");
    }

    @Property(tries = 1000)
    void withdrawalsAboveFreeCashAreAlwaysRefusedAndOthersAlwaysAddUp(
            @ForAll @LongRange(min = 1, max = 10_000_000_000L) long capitalCents,
            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long freeCents,
            @ForAll @LongRange(min = 1, max = 10_000_000_000L) long amountCents) {
        long free = Math.min(freeCents, capitalCents);
        SleeveCapitals before = SleeveCapitals.split(Money.ofCents(capitalCents), CONFIG);
        CashFlow flow = CashFlow.withdrawal(Money.ofCents(amountCents), T, "w");
        if (amountCents > free) {
            assertThatThrownBy(() -> FundChange.request(before, flow, CONFIG, Money.ofCents(free))).isInstanceOf(DomainException.class);
        } else {
            FundChange change = FundChange.request(before, flow, CONFIG, Money.ofCents(free));
            assertThat(change.after().total().cents()).isEqualTo(capitalCents - amountCents);
        }
    }

    @Property(tries = 1000)
    void depositsKeepTheTotalExact(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long capitalCents,
                                   @ForAll @LongRange(min = 1, max = 10_000_000_000L) long depositCents) {
        SleeveCapitals before = SleeveCapitals.split(Money.ofCents(capitalCents), CONFIG);
        FundChange change = FundChange.book(before, CashFlow.deposit(Money.ofCents(depositCents), T, "d"), CONFIG);
        assertThat(change.after().total().cents()).isEqualTo(capitalCents + depositCents);
    }
}
