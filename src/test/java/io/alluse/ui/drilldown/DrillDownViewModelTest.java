package io.alluse.ui.drilldown;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.ui.common.UiExecutor;
import io.alluse.ui.portfolio.PortfolioNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DrillDownViewModelTest {

    /** Finishes the newest work first, as a fast query overtaking a slow one would. */
    static final class NewestFirst implements UiExecutor {
        final List<Runnable> pending = new ArrayList<>();

        @Override
        public <T> void submit(String description, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            pending.add(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
        }

        @Override
        public void onUiThread(Runnable action) {
            action.run();
        }

        void runNewestFirst() {
            while (!pending.isEmpty()) {
                pending.removeLast().run();
            }
        }
    }

    static PortfolioDetail portfolioOf(int accounts) {
        return new PortfolioDetail(accounts, Totals.of(Optional.empty(), Money.ZERO, Money.ZERO), List.of(), Map.of(), List.of(), List.of());
    }

    /** Answers without a database: each portfolio load a new detail (1, 2, ... accounts), a failure for any account. */
    static class FakeData extends DrillDownData {
        int portfolioLoads;
        int accountLoads;

        FakeData() {
            super(null);
        }

        @Override
        public PortfolioDetail portfolio() {
            return portfolioOf(++portfolioLoads);
        }

        @Override
        public AccountDetail account(AccountId id) {
            accountLoads++;
            throw new IllegalStateException("database is closed");
        }

        @Override
        public SleeveDetail sleeve(AccountId id, SleeveKind kind) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void theTitleFollowsAtOnceAndALateResultOfAnEarlierSelectionIsDropped() {
        NewestFirst executor = new NewestFirst();
        FakeData data = new FakeData();
        DrillDownViewModel model = new DrillDownViewModel(data, executor);

        model.show(new PortfolioNode.Portfolio(3, Money.ofDollars(1_500_000)));
        assertThat(model.titleProperty().get()).isEqualTo("Portfolio");
        assertThat(model.subtitleProperty().get()).isEqualTo("3 accounts");
        assertThat(model.loadingProperty().get()).isTrue();
        assertThat(model.detailProperty().get()).as("nothing until loaded").isNull();
        model.reload();
        executor.runNewestFirst();
        // the newer request ran first (its answer says 1); the older one's later answer (2) must not replace it
        assertThat(((PortfolioDetail) model.detailProperty().get()).accounts()).as("the newest request's answer").isEqualTo(1);
        assertThat(data.portfolioLoads).isEqualTo(2);
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void aFailedLoadSaysWhatFailedAndStopsLoading() {
        UiExecutor direct = UiExecutor.direct();
        FakeData data = new FakeData() {
            @Override
            public PortfolioDetail portfolio() {
                throw new IllegalStateException("database is closed");
            }
        };
        DrillDownViewModel model = new DrillDownViewModel(data, direct);
        model.show(null);
        assertThat(model.errorProperty().get()).isEqualTo("Could not load Portfolio: database is closed");
        assertThat(model.loadingProperty().get()).isFalse();
    }
}
