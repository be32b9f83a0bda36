package io.alluse.ui.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.Account;
import io.alluse.domain.AccountConfig;
import io.alluse.domain.AccountDraft;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.AccountValidator;
import io.alluse.domain.BrokerConnection;
import io.alluse.domain.ExecutionWindow;
import io.alluse.domain.Money;
import io.alluse.domain.NewAccount;
import io.alluse.domain.SleeveCapitals;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.SymbolCatalog;
import io.alluse.domain.Validated;
import io.alluse.domain.ledger.EquitySnapshot;
import io.alluse.domain.run.AccountHealth;
import io.alluse.engine.AccountRuntime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortfolioFiguresTest {

    static final AccountId ID = new AccountId("account-1");

    static Account account(AccountStatus status, Money gen, Money rev, Money com) {
        Validated<NewAccount> valid = new AccountValidator(SymbolCatalog.ANY).validateNew(
                AccountDraft.defaults("account-1", "Account-1", ExecutionWindow.of("09:45", "10:15")),
                new AccountValidator.Existing(new HashSet<>(), Map.of()));
        AccountConfig config = ((Validated.Valid<NewAccount>) valid).value().config();
        return new Account(ID, "Account-1", Money.ofDollars(500_000), status, config, SleeveCapitals.of(gen, rev, com),
                BrokerConnection.paperFor(ID), Instant.EPOCH);
    }

    static EquitySnapshot close(SleeveKind kind, String day, long equityDollars, long flowDollars) {
        Money e = Money.ofDollars(equityDollars);
        return new EquitySnapshot(ID, kind, LocalDate.parse(day), e, Money.ZERO, e, Money.ofDollars(flowDollars));
    }

    @Test
    void weekPnlIsTheChangeOverAWeekOfClosesLessTheMoneyTheUserMoved() {
        Account a = account(AccountStatus.ACTIVE, Money.ofDollars(240_000), Money.ofDollars(150_000), Money.ofDollars(150_000));
        List<EquitySnapshot> closes = List.of(
                // Gen: 200,000 on Monday 3 March; a 30,000 deposit booked on Thursday 6th; 231,500 on Tuesday 11th
                close(SleeveKind.GEN, "2031-03-03", 200_000, 0),
                close(SleeveKind.GEN, "2031-03-04", 200_400, 0),
                close(SleeveKind.GEN, "2031-03-06", 230_900, 30_000),
                close(SleeveKind.GEN, "2031-03-11", 231_500, 0),
                // Rev: only one close yet
                close(SleeveKind.REV, "2031-03-11", 150_000, 0));
        PortfolioFigures f = PortfolioFigures.compute(List.of(a), closes, List.of(), Map.of());

        // the last close at least a week before the 11th is the 4th: 231,500 - 200,400 - 30,000 deposited = 1,100
        assertThat(f.of(ID).orElseThrow().sleeve(SleeveKind.GEN).weekPnl()).contains(Money.ofDollars(1_100));
        assertThat(f.of(ID).orElseThrow().sleeve(SleeveKind.REV).weekPnl()).isEmpty();
        assertThat(f.of(ID).orElseThrow().total().weekPnl()).contains(Money.ofDollars(1_100));
        // equity is live (the ledger's capital), not the last close
        assertThat(f.of(ID).orElseThrow().total().equity()).isEqualTo(Money.ofDollars(540_000));
        assertThat(f.total().equity()).isEqualTo(Money.ofDollars(540_000));
    }

    @Test
    void driftIsTheSleevesShareOfEquityMinusItsTargetInBasisPoints() {
        // 240,000 of 540,000 is 44.44%: 444 bp over the 40% target; 150,000 is 27.78%: 222 bp under 30%
        Account a = account(AccountStatus.ACTIVE, Money.ofDollars(240_000), Money.ofDollars(150_000), Money.ofDollars(150_000));
        PortfolioFigures f = PortfolioFigures.compute(List.of(a), List.of(), List.of(), Map.of());
        assertThat(f.of(ID).orElseThrow().sleeve(SleeveKind.GEN).driftBp()).contains(444);
        assertThat(f.of(ID).orElseThrow().sleeve(SleeveKind.REV).driftBp()).contains(-222);
        assertThat(f.of(ID).orElseThrow().total().driftBp()).isEmpty();
    }

    @Test
    void theStatusIconPutsAFailingBrokerAbovePausedAndMissed() {
        Account active = account(AccountStatus.ACTIVE, Money.ofDollars(200_000), Money.ofDollars(150_000), Money.ofDollars(150_000));
        AccountRuntime ok = new AccountRuntime(ID, AccountStatus.ACTIVE, AccountHealth.OK, "", false, Optional.empty());
        AccountRuntime paused = new AccountRuntime(ID, AccountStatus.PAUSED, AccountHealth.OK, "", false, Optional.empty());
        AccountRuntime failingPaused = new AccountRuntime(ID, AccountStatus.PAUSED, AccountHealth.ERROR, "bad key", false, Optional.empty());
        AccountRuntime closed = new AccountRuntime(ID, AccountStatus.CLOSED, AccountHealth.ERROR, "", false, Optional.empty());

        assertThat(PortfolioFigures.state(active, ok, false)).isEqualTo(RunState.RUNNING);
        assertThat(PortfolioFigures.state(active, ok, true)).isEqualTo(RunState.MISSED);
        assertThat(PortfolioFigures.state(active, paused, true)).isEqualTo(RunState.PAUSED);
        assertThat(PortfolioFigures.state(active, failingPaused, true)).isEqualTo(RunState.ERROR);
        assertThat(PortfolioFigures.state(active, closed, false)).isEqualTo(RunState.CLOSED);
        assertThat(PortfolioFigures.state(active, null, false)).isEqualTo(RunState.IDLE);
        PortfolioFigures f = PortfolioFigures.compute(List.of(active), List.of(), List.of(failingPaused), Map.of());
        assertThat(f.of(ID).orElseThrow().detail()).isEqualTo("bad key");
        assertThat(PortfolioFigures.compute(List.of(active), List.of(), List.of(ok), Map.of(ID, "missed 2031-03-06")).of(ID).orElseThrow().detail())
                .isEqualTo("missed 2031-03-06");
    }
}
