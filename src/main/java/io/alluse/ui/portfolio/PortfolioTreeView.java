package io.alluse.ui.portfolio;

import io.alluse.domain.Account;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.ui.common.Formats;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.css.PseudoClass;
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
    private final TreeView<PortfolioNode> tree = new RowIndexedTreeView<>();
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
        model.lineageProperty().addListener((obs, old, now) -> tree.refresh());
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

    /** Selects and shows {@code id}'s row (a lineage link followed); false if it is not in the tree (filtered out). */
    public boolean select(io.alluse.domain.AccountId id) {
        TreeItem<PortfolioNode> root = tree.getRoot();
        if (root == null) {
            return false;
        }
        for (TreeItem<PortfolioNode> item : root.getChildren()) {
            if (item.getValue() instanceof PortfolioNode.AccountNode n && n.account().id().equals(id)) {
                tree.getSelectionModel().select(item);
                tree.scrollTo(Math.max(0, tree.getRow(item) - 2));
                return true;
            }
        }
        return false;
    }

    /** The entries of the context menu on an account node (no menu by default). */
    public void setAccountMenu(Function<Account, List<MenuItem>> items) {
        this.accountMenu = items;
        tree.refresh();
    }

    /** An account's name for the lineage badges (its id if it is not loaded). */
    String nameOf(io.alluse.domain.AccountId id) {
        if (names.size() != model.accountsProperty().get().size()) {
            names.clear();
            model.accountsProperty().get().forEach(a -> names.put(a.id(), a.name()));
        }
        return names.getOrDefault(id, id.value());
    }

    private final java.util.Map<io.alluse.domain.AccountId, String> names = new java.util.HashMap<>();

    private void rebuild(List<Account> accounts) {
        names.clear();
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
            boolean expand = accounts.size() <= 20;
            List<TreeItem<PortfolioNode>> items = new java.util.ArrayList<>(accounts.size());
            for (Account a : accounts) {
                AccountItem accountItem = new AccountItem(a);
                accountItem.setExpanded(expand);
                items.add(accountItem);
                if (previous instanceof PortfolioNode.SleeveNode s && s.account().id().equals(a.id())) {
                    reselect = accountItem.getChildren().get(s.kind().ordinal());
                }
                if (previous instanceof PortfolioNode.AccountNode n && n.account().id().equals(a.id())) {
                    reselect = accountItem;
                }
            }
            // one addAll: one change event for the root instead of one per account
            root.getChildren().setAll(items);
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
                ((AccountItem) item).update(a);
            }
        }
        TreeItem<PortfolioNode> selected = tree.getSelectionModel().getSelectedItem();
        model.selectedProperty().set(selected == null ? null : selected.getValue());
    }

    /**
     * An account row whose Gen/Rev/Com rows are made the first time they are asked for (on
     * expand, or to select one): with 10,000 mostly collapsed accounts that saves 30,000 items.
     */
    private static final class AccountItem extends TreeItem<PortfolioNode> {
        private boolean sleevesMade;

        AccountItem(Account account) {
            super(new PortfolioNode.AccountNode(account));
        }

        @Override
        public boolean isLeaf() {
            return false;
        }

        @Override
        public javafx.collections.ObservableList<TreeItem<PortfolioNode>> getChildren() {
            if (!sleevesMade) {
                sleevesMade = true;
                Account a = ((PortfolioNode.AccountNode) getValue()).account();
                List<TreeItem<PortfolioNode>> sleeves = new java.util.ArrayList<>(SleeveKind.values().length);
                for (SleeveKind kind : SleeveKind.values()) {
                    sleeves.add(new TreeItem<>(new PortfolioNode.SleeveNode(a, kind)));
                }
                super.getChildren().setAll(sleeves);
            }
            return super.getChildren();
        }

        void update(Account a) {
            setValue(new PortfolioNode.AccountNode(a));
            if (sleevesMade) {
                for (TreeItem<PortfolioNode> sleeve : super.getChildren()) {
                    sleeve.setValue(new PortfolioNode.SleeveNode(a, ((PortfolioNode.SleeveNode) sleeve.getValue()).kind()));
                }
            }
        }
    }

    /**
     * Status icon and name, then equity, week P&L and drift (sleeves) or target in fixed-width columns.
     * A cell keeps its nodes for life: scrolling changes only texts, the icon's glyph and
     * pseudo-classes (row kind, icon colour, gain/loss, drift), so a scroll step makes no nodes and
     * only moves styles between states the CSS already resolved; a style class change would make
     * JavaFX look the node's styles up again (decision 0030). The tooltip's text is made when the
     * pointer comes onto the row, not for every row scrolled past.
     */
    private static final class NodeCell extends TreeCell<PortfolioNode> {
        private final PortfolioTreeView owner;
        private final ContextMenu menu = new ContextMenu();
        private final Label name = new Label();
        /** Where a forked account came from or went: "from Account-1", "merged into Account-1", "waiting for brokerage". */
        private final Label lineage = new Label();
        private final FontIcon icon = new FontIcon(Material2OutlinedMZ.PIE_CHART);
        private final Label capital = new Label();
        private final Label pnl = new Label();
        private final Label share = new Label();
        private final Tooltip tip = new Tooltip();
        private final HBox box;
        private PseudoClass nodeState;
        private PseudoClass iconState;
        private PseudoClass pnlState;
        private Account menuFor;

        NodeCell(PortfolioTreeView owner) {
            this.owner = owner;
            name.setMinWidth(60);
            // the name takes the free width (no spacer node); with a lineage badge the badge takes it instead
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.ALWAYS);
            icon.getStyleClass().add("tree-icon");
            name.setGraphic(icon);
            capital.getStyleClass().add("tree-capital");
            capital.setMinWidth(Region.USE_PREF_SIZE);
            capital.setAlignment(Pos.CENTER_RIGHT);
            pnl.getStyleClass().add("tree-pnl");
            pnl.setMinWidth(78);
            pnl.setAlignment(Pos.CENTER_RIGHT);
            share.getStyleClass().add("tree-share");
            share.setMinWidth(58);
            share.setAlignment(Pos.CENTER_RIGHT);
            lineage.getStyleClass().add("tree-lineage");
            lineage.setMinWidth(0);
            lineage.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(lineage, Priority.ALWAYS);
            // the badge joins the row only for accounts that have one: fewer nodes to style and lay out on a scroll
            box = new HBox(8, name, capital, pnl, share);
            box.setAlignment(Pos.CENTER_LEFT);
            tip.setShowDelay(javafx.util.Duration.millis(300));
            // the text is made when the pointer comes onto the row (before the tooltip's delay starts) and again as it shows
            addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> tip.setText(tooltipText()));
            tip.setOnShowing(e -> tip.setText(tooltipText()));
            // before the cell's own handler shows the menu (a menu without items would not open)
            addEventFilter(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> fillMenu());
        }

        private void fillMenu() {
            if (getItem() instanceof PortfolioNode.AccountNode a && !isEmpty() && owner.accountMenu != null && a.account() != menuFor) {
                menu.getItems().setAll(owner.accountMenu.apply(a.account()));
                menuFor = a.account();
            }
        }

        @Override
        protected void updateItem(PortfolioNode node, boolean empty) {
            super.updateItem(node, empty);
            // one menu per cell, filled for the account it shows when it is asked for (fillMenu), not per row scrolled past
            setContextMenu(node instanceof PortfolioNode.AccountNode && !empty && owner.accountMenu != null ? menu : null);
            if (empty || node == null) {
                nodeState = swap(this, nodeState, null);
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            setText(null);
            name.setText(node.label());
            lineage(node instanceof PortfolioNode.AccountNode a ? badge(a.account()) : "");
            PortfolioFigures all = owner.model.figuresProperty().get();
            boolean high = false;
            switch (node) {
                case PortfolioNode.Portfolio p -> {
                    nodeState = swap(this, nodeState, PORTFOLIO_ROW);
                    icon(Material2OutlinedMZ.PIE_CHART, ICON_PORTFOLIO);
                    show(all.accounts().isEmpty() ? NodeFigures.of(p.capital()) : all.total());
                    share.setText(p.accounts() + (p.accounts() == 1 ? " acct" : " accts"));
                }
                case PortfolioNode.AccountNode a -> {
                    nodeState = swap(this, nodeState, ACCOUNT_ROW);
                    Optional<AccountFigures> f = all.of(a.account().id());
                    statusIcon(state(a, f));
                    show(f.map(AccountFigures::total).orElse(NodeFigures.of(a.capital())));
                    share.setText("");
                }
                case PortfolioNode.SleeveNode s -> {
                    nodeState = swap(this, nodeState, SLEEVE_ROW);
                    icon(Material2OutlinedMZ.STOP_CIRCLE, SLEEVE_ICON.get(s.kind()));
                    NodeFigures f = sleeveFigures(all, s);
                    show(f);
                    // under half a tenth of a point is rounding, not drift: show the target then
                    if (f.driftBp().isPresent() && Math.abs(f.driftBp().get()) >= 5) {
                        int bp = f.driftBp().get();
                        share.setText(String.format(java.util.Locale.ROOT, "%+.1f pt", bp / 100.0));
                        high = Math.abs(bp) >= 500;
                    } else {
                        share.setText(Formats.percent(s.target()));
                    }
                }
            }
            share.pseudoClassStateChanged(DRIFT_HIGH, high);
            setTooltip(tip);
            if (tip.isShowing()) {
                // new figures (or a scroll under the pointer) while the tooltip is open
                tip.setText(tooltipText());
            }
            setGraphic(box);
        }

        private RunState state(PortfolioNode.AccountNode a, Optional<AccountFigures> f) {
            RunState computed = computedState(a, f);
            // a waiting fork is paused by the engine, but what the user must do is link it
            return owner.model.lineageProperty().get().waiting(a.account().id()) && computed != RunState.CLOSED
                    ? RunState.WAITING : computed;
        }

        private static RunState computedState(PortfolioNode.AccountNode a, Optional<AccountFigures> f) {
            return f.map(AccountFigures::state).orElse(PortfolioFigures.state(a.account(), null, false));
        }

        private static NodeFigures sleeveFigures(PortfolioFigures all, PortfolioNode.SleeveNode s) {
            return all.of(s.account().id()).map(x -> x.sleeve(s.kind())).orElse(NodeFigures.of(s.capital()));
        }

        /** The row's tooltip, made when the pointer comes onto the row and as the tooltip shows, from the figures of that moment. */
        private String tooltipText() {
            PortfolioNode node = getItem();
            if (node == null || isEmpty()) {
                return "";
            }
            PortfolioFigures all = owner.model.figuresProperty().get();
            return switch (node) {
                case PortfolioNode.Portfolio p -> "All accounts: equity now, P&L over the last week of closes (deposits and withdrawals excluded)";
                case PortfolioNode.AccountNode a -> {
                    Optional<AccountFigures> f = all.of(a.account().id());
                    RunState computed = computedState(a, f);
                    RunState state = state(a, f);
                    yield a.account().name() + " (" + a.account().id() + "): " + state.label()
                            + f.map(x -> x.detail().equals(computed.label()) || state == RunState.WAITING ? "" : "\n" + x.detail()).orElse("")
                            + f.flatMap(AccountFigures::nextRun).filter(t -> state != RunState.WAITING).map(t -> "\nNext: " + Formats.marketTime(t)).orElse("")
                            + lineageTip(a.account());
                }
                case PortfolioNode.SleeveNode s -> {
                    NodeFigures f = sleeveFigures(all, s);
                    yield s.kind().label() + ": target " + Formats.percent(s.target())
                            + f.driftBp().map(bp -> String.format(java.util.Locale.ROOT, ", actual %.1f%% (drift %+.1f points)",
                            (s.target().basisPoints() + bp) / 100.0, bp / 100.0)).orElse("");
                }
            };
        }

        /** The short lineage badge after an account's name; empty for an account founded by hand that never forked. */
        private String badge(Account account) {
            io.alluse.domain.fork.LineageBook book = owner.model.lineageProperty().get();
            io.alluse.domain.fork.Lineage l = book.of(account.id());
            if (l.mergedInto().isPresent()) {
                return "merged into " + owner.nameOf(l.mergedInto().get());
            }
            if (l.state() == io.alluse.domain.fork.LineageState.WAITING_FOR_BROKERAGE) {
                return "waiting for brokerage";
            }
            if (l.parent().isPresent()) {
                return "\u21b3 from " + owner.nameOf(l.parent().get());
            }
            int forks = book.forks(account.id()).size();
            return forks == 0 ? "" : forks + (forks == 1 ? " fork" : " forks");
        }

        /** The lineage lines of an account's tooltip: where it came from, its forks, where it went, what it waits for. */
        private String lineageTip(Account account) {
            io.alluse.domain.fork.LineageBook book = owner.model.lineageProperty().get();
            StringBuilder b = new StringBuilder();
            book.founding(account.id()).ifPresent(r -> b.append("\nForked from ").append(owner.nameOf(r.parent())).append(" on ")
                    .append(Formats.marketTime(r.startedAt())).append(" with ").append(Formats.money(r.amount())));
            for (io.alluse.domain.fork.ForkRecord r : book.forks(account.id())) {
                b.append("\nFork ").append(r.epoch()).append(": ").append(owner.nameOf(r.child())).append(", ")
                        .append(Formats.marketTime(r.startedAt())).append(", ").append(Formats.money(r.amount()));
            }
            book.merge(account.id()).ifPresent(r -> b.append("\nMerged into ").append(owner.nameOf(r.parent())).append(" with ")
                    .append(Formats.money(r.amount())));
            Money reserved = book.reserved(account.id());
            if (reserved.isPositive()) {
                b.append("\n").append(Formats.money(reserved)).append(" reserved, un-traded, for forks waiting for their brokerage");
            }
            if (book.waiting(account.id())) {
                b.append("\n").append(book.of(account.id()).instructions());
            }
            return b.toString();
        }

        private void lineage(String text) {
            if (!text.equals(lineage.getText())) {
                lineage.setText(text);
                boolean shown = !text.isEmpty();
                if (shown != (lineage.getParent() == box)) {
                    if (shown) {
                        box.getChildren().add(1, lineage);
                        name.setMaxWidth(Region.USE_PREF_SIZE);
                    } else {
                        box.getChildren().remove(lineage);
                        name.setMaxWidth(Double.MAX_VALUE);
                    }
                }
            }
        }

        private void show(NodeFigures f) {
            capital.setText(Formats.money(f.equity()));
            if (f.weekPnl().isPresent()) {
                Money m = f.weekPnl().get();
                pnl.setText((m.isNegative() ? "" : "+") + Formats.money(m));
                pnlState = swap(pnl, pnlState, m.isNegative() ? LOSS : GAIN);
            } else {
                pnl.setText("\u2013");
                pnlState = swap(pnl, pnlState, null);
            }
        }

        private void statusIcon(RunState state) {
            switch (state) {
                case RUNNING -> icon(Material2OutlinedMZ.PLAY_CIRCLE_OUTLINE, STATE_ICON.get(state));
                case PAUSED -> icon(Material2OutlinedMZ.PAUSE_CIRCLE_OUTLINE, STATE_ICON.get(state));
                case ERROR -> icon(Material2OutlinedAL.ERROR_OUTLINE, STATE_ICON.get(state));
                case MISSED -> icon(Material2OutlinedMZ.UPDATE, STATE_ICON.get(state));
                case CLOSED -> icon(Material2OutlinedAL.BLOCK, STATE_ICON.get(state));
                case WAITING -> icon(Material2OutlinedAL.HOURGLASS_EMPTY, STATE_ICON.get(state));
                case IDLE -> icon(Material2OutlinedMZ.RADIO_BUTTON_UNCHECKED, STATE_ICON.get(state));
            }
        }

        private void icon(org.kordamp.ikonli.Ikon glyph, PseudoClass colour) {
            if (icon.getIconCode() != glyph) {
                icon.setIconCode(glyph);
            }
            iconState = swap(icon, iconState, Objects.requireNonNull(colour));
        }

        /** Moves {@code node} from pseudo-class {@code old} to {@code now} (either may be null); returns {@code now}. */
        private static PseudoClass swap(javafx.scene.Node node, PseudoClass old, PseudoClass now) {
            if (old != now) {
                if (old != null) {
                    node.pseudoClassStateChanged(old, false);
                }
                if (now != null) {
                    node.pseudoClassStateChanged(now, true);
                }
            }
            return now;
        }
    }

    // the row's kind on the cell, the icon's colour on the .tree-icon, gain/loss on .tree-pnl, drift on .tree-share (workstation.css)
    private static final PseudoClass PORTFOLIO_ROW = PseudoClass.getPseudoClass("portfolio-row");
    private static final PseudoClass ACCOUNT_ROW = PseudoClass.getPseudoClass("account-row");
    private static final PseudoClass SLEEVE_ROW = PseudoClass.getPseudoClass("sleeve-row");
    private static final PseudoClass ICON_PORTFOLIO = PseudoClass.getPseudoClass("portfolio");
    private static final java.util.Map<RunState, PseudoClass> STATE_ICON = stateIcons();
    private static final java.util.Map<SleeveKind, PseudoClass> SLEEVE_ICON = sleeveIcons();
    private static final PseudoClass GAIN = PseudoClass.getPseudoClass("gain");
    private static final PseudoClass LOSS = PseudoClass.getPseudoClass("loss");
    private static final PseudoClass DRIFT_HIGH = PseudoClass.getPseudoClass("drift-high");

    private static java.util.Map<RunState, PseudoClass> stateIcons() {
        java.util.Map<RunState, PseudoClass> m = new java.util.EnumMap<>(RunState.class);
        for (RunState s : RunState.values()) {
            m.put(s, PseudoClass.getPseudoClass(s.name().toLowerCase(java.util.Locale.ROOT)));
        }
        return m;
    }

    private static java.util.Map<SleeveKind, PseudoClass> sleeveIcons() {
        java.util.Map<SleeveKind, PseudoClass> m = new java.util.EnumMap<>(SleeveKind.class);
        for (SleeveKind k : SleeveKind.values()) {
            m.put(k, PseudoClass.getPseudoClass("sleeve-" + k.key()));
        }
        return m;
    }
}
