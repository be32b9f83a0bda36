package io.alluse.ui.drilldown;

import io.alluse.domain.AccountId;
import io.alluse.domain.SleeveKind;
import io.alluse.ui.common.UiExecutor;
import io.alluse.ui.portfolio.PortfolioNode;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Follows the tree selection: the title at once, the detail (portfolio, account or sleeve) loaded
 * in the background and published on the FX thread. A slow load that finishes after the user has
 * moved on is dropped, so the view never shows the previous node's numbers under the new title.
 */
public final class DrillDownViewModel {

    private final DrillDownData data;
    private final UiExecutor executor;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Portfolio");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DrillDownDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private PortfolioNode shown = null;
    private long generation;

    public DrillDownViewModel(DrillDownData data, UiExecutor executor) {
        this.data = data;
        this.executor = executor;
    }

    /** Shows {@code node} (null: the portfolio). */
    public void show(PortfolioNode node) {
        shown = node;
        switch (node) {
            case null -> heading("Portfolio", "All accounts");
            case PortfolioNode.Portfolio p -> heading("Portfolio", p.accounts() + (p.accounts() == 1 ? " account" : " accounts"));
            case PortfolioNode.AccountNode a -> heading(a.account().name() + "  \u00b7  " + a.account().id(),
                    a.account().status().name().toLowerCase(java.util.Locale.ROOT) + ", " + a.account().broker().kind().label());
            case PortfolioNode.SleeveNode s -> heading(s.account().name() + "  \u00b7  " + s.kind().label(), s.kind().role());
        }
        detail.set(null);
        reload();
    }

    /** Loads the shown node again (after a refresh of the tree, an engine event). */
    public void reload() {
        PortfolioNode node = shown;
        Callable<DrillDownDetail> work = switch (node) {
            case null -> data::portfolio;
            case PortfolioNode.Portfolio p -> data::portfolio;
            case PortfolioNode.AccountNode a -> {
                AccountId id = a.account().id();
                yield () -> data.account(id);
            }
            case PortfolioNode.SleeveNode s -> {
                AccountId id = s.account().id();
                SleeveKind kind = s.kind();
                yield () -> data.sleeve(id, kind);
            }
        };
        long mine = ++generation;
        loading.set(true);
        executor.submit("Loading " + title.get(), work, result -> {
            if (mine == generation) {
                error.set("");
                detail.set(result);
                loading.set(false);
            }
        }, failure -> {
            if (mine == generation) {
                error.set("Could not load " + title.get() + ": " + failure.getMessage());
                loading.set(false);
            }
        });
    }

    private void heading(String t, String sub) {
        title.set(t);
        subtitle.set(sub);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    /** The loaded detail of the shown node (the previous one's until the new one arrives). */
    public ReadOnlyObjectProperty<DrillDownDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
