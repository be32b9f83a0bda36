package io.alluse.ui.portfolio;

import io.alluse.domain.Account;
import io.alluse.domain.Money;
import io.alluse.domain.AccountId;
import io.alluse.domain.fork.LineageBook;
import io.alluse.engine.AccountService;
import io.alluse.engine.Engine;
import io.alluse.engine.EngineEvent;
import io.alluse.store.SnapshotRepository;
import io.alluse.ui.common.UiExecutor;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the portfolio tree: the accounts (loaded off the FX thread), the filter text, and
 * the selected node, and every row's figures (equity, week P&L, drift, status), which follow the
 * engine's events live once {@link #attach attached}. Holds no controls.
 */
public final class PortfolioTreeViewModel implements AutoCloseable {

    /** Where the rows' figures come from; called off the FX thread. */
    @FunctionalInterface
    public interface FiguresSource {
        PortfolioFigures load(List<Account> accounts, Map<AccountId, String> missed);
    }

    private record Loaded(List<Account> accounts, PortfolioFigures figures, LineageBook lineage) {
    }

    private final java.util.concurrent.Callable<List<Account>> accounts;
    private final UiExecutor executor;

    private final ReadOnlyObjectWrapper<List<Account>> all = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<Account>> visible = new ReadOnlyObjectWrapper<>(List.of());
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<PortfolioNode> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PortfolioFigures> figures = new ReadOnlyObjectWrapper<>(PortfolioFigures.EMPTY);
    private final ReadOnlyObjectWrapper<LineageBook> lineage = new ReadOnlyObjectWrapper<>(LineageBook.EMPTY);
    private java.util.concurrent.Callable<LineageBook> lineageSource = () -> LineageBook.EMPTY;
    /** Accounts whose last cycle was missed (from the engine's events), until one finishes again. FX thread only. */
    private final Map<AccountId, String> missed = new HashMap<>();
    private FiguresSource source = (list, m) -> PortfolioFigures.compute(list, List.of(), List.of(), m);
    private AutoCloseable subscription = () -> { };
    // one load at a time; events arriving meanwhile ask for one more when it is done (engine bursts coalesce)
    private boolean loading;
    private boolean again;

    public PortfolioTreeViewModel(AccountService accounts, UiExecutor executor) {
        this(accounts::accounts, executor);
    }

    /** Over any source of accounts (benchmarks, tests); {@code accounts} is called off the FX thread. */
    public PortfolioTreeViewModel(java.util.concurrent.Callable<List<Account>> accounts, UiExecutor executor) {
        this.accounts = accounts;
        this.executor = executor;
        filter.addListener((obs, old, now) -> applyFilter());
        all.addListener((obs, old, now) -> applyFilter());
    }

    /**
     * Follows {@code engine}: figures from its runtime and recent snapshots, reloaded (in the
     * background) whenever it reports something. Call on the FX thread.
     */
    public void attach(Engine engine, SnapshotRepository snapshots) {
        source = (list, m) -> {
            LocalDate today = io.alluse.market.calendar.ExchangeCalendar.dateOf(engine.time().now());
            return PortfolioFigures.compute(list, snapshots.since(today.minusDays(PortfolioFigures.DAYS_NEEDED)), engine.runtime(), m);
        };
        lineageSource = engine.forking().<java.util.concurrent.Callable<LineageBook>>map(f -> f.store()::book).orElse(() -> LineageBook.EMPTY);
        closeSubscription();
        subscription = engine.events().subscribe(event -> executor.onUiThread(() -> onEvent(event)));
        refresh();
    }

    /** Uses {@code figures} for the rows (tests, benchmarks). */
    public void attach(FiguresSource figuresSource) {
        source = figuresSource;
        refresh();
    }

    /** What the engine reported, on the FX thread. */
    void onEvent(EngineEvent event) {
        switch (event) {
            case EngineEvent.CycleMissed m -> missed.put(m.account(), m.message());
            case EngineEvent.CycleFinished f -> missed.remove(f.account());
            default -> {
            }
        }
        refresh();
    }

    /** Reloads the accounts and their figures in the background; the tree follows when they arrive. */
    public void refresh() {
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        Map<AccountId, String> missedNow = Map.copyOf(missed);
        FiguresSource from = source;
        java.util.concurrent.Callable<LineageBook> lineageFrom = lineageSource;
        executor.submit("Loading accounts", () -> {
            List<Account> list = List.copyOf(accounts.call());
            return new Loaded(list, from.load(list, missedNow), lineageFrom.call());
        }, loaded -> {
            error.set("");
            figures.set(loaded.figures());
            lineage.set(loaded.lineage());
            all.set(loaded.accounts());
            loaded();
        }, failure -> {
            error.set("Could not load the accounts: " + failure.getMessage());
            loaded();
        });
    }

    private void loaded() {
        loading = false;
        if (again) {
            again = false;
            refresh();
        }
    }

    /** Every row's figures; replaced as a whole after each load. */
    public ReadOnlyObjectProperty<PortfolioFigures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    /** Where each account came from and went (forks and merges); empty with forking off. Replaced as a whole after each load. */
    public ReadOnlyObjectProperty<LineageBook> lineageProperty() {
        return lineage.getReadOnlyProperty();
    }

    /** Uses {@code source} for the lineage (tests). */
    public void attachLineage(java.util.concurrent.Callable<LineageBook> source) {
        lineageSource = source;
        refresh();
    }

    /** Stops following the engine. */
    @Override
    public void close() {
        closeSubscription();
    }

    private void closeSubscription() {
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        subscription = () -> { };
    }

    /** Reloads and then selects {@code account}: after the wizard created it or a dialog changed it. */
    public void refreshAndSelect(Account account) {
        selected.set(new PortfolioNode.AccountNode(account));
        refresh();
    }

    private void applyFilter() {
        String f = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
        if (f.isEmpty()) {
            visible.set(all.get());
            return;
        }
        visible.set(all.get().stream()
                .filter(a -> a.name().toLowerCase(Locale.ROOT).contains(f) || a.id().value().contains(f)
                        || a.config().sleevesInOrder().stream().anyMatch(s -> s.parameters().symbols().stream()
                        .anyMatch(sym -> sym.value().toLowerCase(Locale.ROOT).equals(f))))
                .toList());
    }

    public PortfolioNode.Portfolio portfolio() {
        List<Account> list = all.get();
        return new PortfolioNode.Portfolio(list.size(), list.stream().map(Account::totalCapital).reduce(Money.ZERO, Money::plus));
    }

    public ReadOnlyObjectProperty<List<Account>> accountsProperty() {
        return all.getReadOnlyProperty();
    }

    /** Accounts that match the filter (by name, id, or a symbol one of its sleeves trades). */
    public ReadOnlyObjectProperty<List<Account>> visibleAccountsProperty() {
        return visible.getReadOnlyProperty();
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<PortfolioNode> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
