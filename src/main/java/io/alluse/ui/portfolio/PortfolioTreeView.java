package io.alluse.ui.portfolio;

import io.alluse.domain.Account;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.SleeveKind;
import io.alluse.ui.common.Formats;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
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

/** Portfolio -> Account-N -> Gen/Rev/Com, with capital and target, and a filter box above. */
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

    /** Icon, name, capital and target share on one line. */
    private static final class NodeCell extends TreeCell<PortfolioNode> {
        private final PortfolioTreeView owner;
        private final ContextMenu menu = new ContextMenu();
        private final Label name = new Label();
        private final Label capital = new Label();
        private final Label share = new Label();
        private final HBox box;

        NodeCell(PortfolioTreeView owner) {
            this.owner = owner;
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            capital.getStyleClass().add("tree-capital");
            share.getStyleClass().add("tree-share");
            share.setMinWidth(44);
            share.setAlignment(Pos.CENTER_RIGHT);
            box = new HBox(6, name, spacer, capital, share);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(PortfolioNode node, boolean empty) {
            super.updateItem(node, empty);
            getStyleClass().removeAll("node-portfolio", "node-account", "node-sleeve");
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
                return;
            }
            setText(null);
            name.setText(node.label());
            capital.setText(Formats.money(node.capital()));
            switch (node) {
                case PortfolioNode.Portfolio p -> {
                    getStyleClass().add("node-portfolio");
                    name.setGraphic(icon(new FontIcon(Material2OutlinedMZ.PIE_CHART), "icon-portfolio"));
                    share.setText(p.accounts() + (p.accounts() == 1 ? " acct" : " accts"));
                }
                case PortfolioNode.AccountNode a -> {
                    getStyleClass().add("node-account");
                    name.setGraphic(statusIcon(a.account().status()));
                    share.setText("");
                }
                case PortfolioNode.SleeveNode s -> {
                    getStyleClass().add("node-sleeve");
                    FontIcon dot = new FontIcon(Material2OutlinedMZ.STOP_CIRCLE);
                    name.setGraphic(icon(dot, "icon-sleeve-" + s.kind().key()));
                    share.setText(Formats.percent(s.target()));
                }
            }
            setGraphic(box);
        }

        private static FontIcon statusIcon(AccountStatus status) {
            return switch (status) {
                case ACTIVE -> icon(new FontIcon(Material2OutlinedMZ.PLAY_CIRCLE_OUTLINE), "icon-running");
                case PAUSED -> icon(new FontIcon(Material2OutlinedMZ.PAUSE_CIRCLE_OUTLINE), "icon-paused");
                case CLOSED -> icon(new FontIcon(Material2OutlinedAL.BLOCK), "icon-closed");
            };
        }

        private static FontIcon icon(FontIcon icon, String styleClass) {
            icon.getStyleClass().add(Objects.requireNonNull(styleClass));
            return icon;
        }
    }
}
