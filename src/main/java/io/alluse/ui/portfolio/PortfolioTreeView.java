package io.alluse.ui.portfolio;

import io.alluse.domain.Account;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.ui.common.Formats;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Portfolio -> Account-N -> Gen/Rev/Com with equity, week P&L, drift and a status icon; a filter box above. */
public final class PortfolioTreeView extends VBox {

    private final PortfolioTreeViewModel model;
    private final TreeView<PortfolioNode> tree = new TreeView<>();
    private final TextField filter = new TextField();
    private boolean rebuilding;
    private Function<Account, List<MenuItem>> accountMenu;

    public PortfolioTreeView(PortfolioTreeViewModel model) {
        this.model = model;
        getStyleClass().add("portfolio-pane");
        filter.setPromptText("Filter accounts or symbols (Ctrl+F)");
        filter.setId("portfolio-filter");
        filter.textProperty().bindBidirectional(model.filterProperty());
        tree.setId("portfolio-tree");
        tree.setShowRoot(true);
        // fixed cell height keeps layout and selection fast with thousands of accounts
        tree.setFixedCellSize(30);
        tree.setCellFactory(t -> new NodeCell(this));
        VBox.setVgrow(tree, Priority.ALWAYS);
        getChildren().addAll(filter, tree);
        setSpacing(6);

        model.visibleAccountsProperty().addListener((obs, old, now) -> rebuild(now));
        // the cells read the figures when they paint: a refresh repaints only the visible ones
        model.figuresProperty().addListener((obs, old, now) -> tree.refresh());
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!rebuilding) {
                model.selectedProperty().set(now == null ? null : now.getValue());
            }
        });
        rebuild(model.visibleAccountsProperty().get());
    }

    public TreeView<PortfolioNode> tree() {
        return tree;
    }

    public TextField filterField() {
        return filter;
    }

    /** The entries of the context menu on an account node (no menu by default). */
    public void setAccountMenu(Function<Account, List<MenuItem>> items) {
        this.accountMenu = items;
        tree.refresh();
    }

    private void rebuild(List<Account> accounts) {
        rebuilding = true;
        try {
            if (sameAccountsInOrder(accounts)) {
                update(accounts);
                return;
            }
            PortfolioNode previous = model.selectedProperty().get();
            TreeItem<PortfolioNode> root = new TreeItem<>(model.portfolio());
            root.setExpanded(true);
            TreeItem<PortfolioNode> reselect = root;
            for (Account a : accounts) {
                TreeItem<PortfolioNode> accountItem = new TreeItem<>(new PortfolioNode.AccountNode(a));
                accountItem.setExpanded(accounts.size() <= 20);
                for (SleeveKind kind : SleeveKind.values()) {
                    TreeItem<PortfolioNode> sleeveItem = new TreeItem<>(new PortfolioNode.SleeveNode(a, kind));
                    accountItem.getChildren().add(sleeveItem);
                    if (previous instanceof PortfolioNode.SleeveNode s && s.account().id().equals(a.id()) && s.kind() == kind) {
                        reselect = sleeveItem;
                    }
                }
                root.getChildren().add(accountItem);
                if (previous instanceof PortfolioNode.AccountNode n && n.account().id().equals(a.id())) {
                    reselect = accountItem;
                }
            }
            tree.setRoot(root);
            tree.getSelectionModel().select(reselect);
            model.selectedProperty().set(reselect.getValue());
        } finally {
            rebuilding = false;
        }
    }

    private boolean sameAccountsInOrder(List<Account> accounts) {
        TreeItem<PortfolioNode> root = tree.getRoot();
        if (root == null || root.getChildren().size() != accounts.size()) {
            return false;
        }
        for (int i = 0; i < accounts.size(); i++) {
            if (!(root.getChildren().get(i).getValue() instanceof PortfolioNode.AccountNode n) || !n.account().id().equals(accounts.get(i).id())) {
                return false;
            }
        }
        return true;
    }

    /** New values for the same rows: keeps what the user expanded, scrolled to and selected while the engine works. */
    private void update(List<Account> accounts) {
        TreeItem<PortfolioNode> root = tree.getRoot();
        root.setValue(model.portfolio());
        for (int i = 0; i < accounts.size(); i++) {
            Account a = accounts.get(i);
            TreeItem<PortfolioNode> item = root.getChildren().get(i);
            if (!((PortfolioNode.AccountNode) item.getValue()).account().equals(a)) {
                item.setValue(new PortfolioNode.AccountNode(a));
                for (TreeItem<PortfolioNode> sleeve : item.getChildren()) {
                    sleeve.setValue(new PortfolioNode.SleeveNode(a, ((PortfolioNode.SleeveNode) sleeve.getValue()).kind()));
                }
            }
        }
        TreeItem<PortfolioNode> selected = tree.getSelectionModel().getSelectedItem();
        model.selectedProperty().set(selected == null ? null : selected.getValue());
    }

    /** Status icon and name, then equity, week P&L and drift (sleeves) or target in fixed-width columns. */
    private static final class NodeCell extends TreeCell<PortfolioNode> {
        private final PortfolioTreeView owner;
        private final ContextMenu menu = new ContextMenu();
        private final Label name = new Label();
        private final Label capital = new Label();
        private final Label pnl = new Label();
        private final Label share = new Label();
        private final Tooltip tip = new Tooltip();
        private final HBox box;

        NodeCell(PortfolioTreeView owner) {
            this.owner = owner;
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            name.setMinWidth(60);
            capital.getStyleClass().add("tree-capital");
            capital.setMinWidth(Region.USE_PREF_SIZE);
            capital.setAlignment(Pos.CENTER_RIGHT);
            pnl.getStyleClass().add("tree-pnl");
            pnl.setMinWidth(78);
            pnl.setAlignment(Pos.CENTER_RIGHT);
            share.getStyleClass().add("tree-share");
            share.setMinWidth(58);
            share.setAlignment(Pos.CENTER_RIGHT);
            box = new HBox(8, name, spacer, capital, pnl, share);
            box.setAlignment(Pos.CENTER_LEFT);
            tip.setShowDelay(javafx.util.Duration.millis(300));
        }

        @Override
        protected void updateItem(PortfolioNode node, boolean empty) {
            super.updateItem(node, empty);
            getStyleClass().removeAll("node-portfolio", "node-account", "node-sleeve");
            pnl.getStyleClass().removeAll("gain", "loss");
            share.getStyleClass().removeAll("drift-high");
            // one menu per cell, refilled for the account it shows (a menu without items would not open)
            if (node instanceof PortfolioNode.AccountNode a && !empty && owner.accountMenu != null) {
                menu.getItems().setAll(owner.accountMenu.apply(a.account()));
                setContextMenu(menu);
            } else {
                setContextMenu(null);
            }
            if (empty || node == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            setText(null);
            name.setText(node.label());
            PortfolioFigures all = owner.model.figuresProperty().get();
            switch (node) {
                case PortfolioNode.Portfolio p -> {
                    getStyleClass().add("node-portfolio");
                    name.setGraphic(icon(new FontIcon(Material2OutlinedMZ.PIE_CHART), "icon-portfolio"));
                    show(all.accounts().isEmpty() ? NodeFigures.of(p.capital()) : all.total());
                    share.setText(p.accounts() + (p.accounts() == 1 ? " acct" : " accts"));
                    tip.setText("All accounts: equity now, P&L over the last week of closes (deposits and withdrawals excluded)");
                }
                case PortfolioNode.AccountNode a -> {
                    getStyleClass().add("node-account");
                    Optional<AccountFigures> f = all.of(a.account().id());
                    RunState state = f.map(AccountFigures::state).orElse(PortfolioFigures.state(a.account(), null, false));
                    name.setGraphic(statusIcon(state));
                    show(f.map(AccountFigures::total).orElse(NodeFigures.of(a.capital())));
                    share.setText("");
                    tip.setText(a.account().name() + " (" + a.account().id() + "): " + state.label()
                            + f.map(x -> x.detail().equals(state.label()) ? "" : "\n" + x.detail()).orElse("")
                            + f.flatMap(AccountFigures::nextRun).map(t -> "\nNext: " + Formats.marketTime(t)).orElse(""));
                }
                case PortfolioNode.SleeveNode s -> {
                    getStyleClass().add("node-sleeve");
                    FontIcon dot = new FontIcon(Material2OutlinedMZ.STOP_CIRCLE);
                    name.setGraphic(icon(dot, "icon-sleeve-" + s.kind().key()));
                    NodeFigures f = all.of(s.account().id()).map(x -> x.sleeve(s.kind())).orElse(NodeFigures.of(s.capital()));
                    show(f);
                    // under half a tenth of a point is rounding, not drift: show the target then
                    if (f.driftBp().isPresent() && Math.abs(f.driftBp().get()) >= 5) {
                        int bp = f.driftBp().get();
                        share.setText(String.format(java.util.Locale.ROOT, "%+.1f pt", bp / 100.0));
                        if (Math.abs(bp) >= 500) {
                            share.getStyleClass().add("drift-high");
                        }
                    } else {
                        share.setText(Formats.percent(s.target()));
                    }
                    tip.setText(s.kind().label() + ": target " + Formats.percent(s.target())
                            + f.driftBp().map(bp -> String.format(java.util.Locale.ROOT, ", actual %.1f%% (drift %+.1f points)",
                            (s.target().basisPoints() + bp) / 100.0, bp / 100.0)).orElse(""));
                }
            }
            setTooltip(tip);
            setGraphic(box);
        }

        private void show(NodeFigures f) {
            capital.setText(Formats.money(f.equity()));
            if (f.weekPnl().isPresent()) {
                Money m = f.weekPnl().get();
                pnl.setText((m.isNegative() ? "" : "+") + Formats.money(m));
                pnl.getStyleClass().add(m.isNegative() ? "loss" : "gain");
            } else {
                pnl.setText("\u2013");
            }
        }

        static FontIcon statusIcon(RunState state) {
            return switch (state) {
                case RUNNING -> icon(new FontIcon(Material2OutlinedMZ.PLAY_CIRCLE_OUTLINE), "icon-running");
                case PAUSED -> icon(new FontIcon(Material2OutlinedMZ.PAUSE_CIRCLE_OUTLINE), "icon-paused");
                case ERROR -> icon(new FontIcon(Material2OutlinedAL.ERROR_OUTLINE), "icon-error");
                case MISSED -> icon(new FontIcon(Material2OutlinedMZ.UPDATE), "icon-missed");
                case CLOSED -> icon(new FontIcon(Material2OutlinedAL.BLOCK), "icon-closed");
                case IDLE -> icon(new FontIcon(Material2OutlinedMZ.RADIO_BUTTON_UNCHECKED), "icon-idle");
            };
        }

        private static FontIcon icon(FontIcon icon, String styleClass) {
            icon.getStyleClass().add(Objects.requireNonNull(styleClass));
            return icon;
        }
    }
}
