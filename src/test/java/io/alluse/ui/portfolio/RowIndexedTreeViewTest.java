package io.alluse.ui.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The fast row lookup answers what {@code TreeView}'s own walk answers, for every row, in random
 * trees (lazy children like the account rows', deeper branches, collapsed and hidden roots) and
 * after each of a series of random changes (expand, collapse, add, remove, new root).
 */
@ExtendWith(ApplicationExtension.class)
class RowIndexedTreeViewTest {

    @Start
    void start(Stage stage) {
        // no window needed: the lookups run on the FX thread
    }

    @Test
    void every_row_is_the_item_tree_view_itself_finds(FxRobot robot) {
        robot.interact(() -> {
            Random random = new Random(20261124L);
            int compared = 0;
            for (int tree = 0; tree < 60; tree++) {
                RowIndexedTreeView<String> view = new RowIndexedTreeView<>();
                view.setRoot(randomTree(random, "t" + tree));
                for (int change = 0; change < 25; change++) {
                    compared += compareAllRows(view, "tree " + tree + " after change " + change);
                    change(random, view);
                }
            }
            assertThat(compared).as("rows compared").isGreaterThan(10_000);
        });
    }

    @Test
    void a_row_below_a_newly_expanded_account_moves_down_by_its_rows(FxRobot robot) {
        robot.interact(() -> {
            RowIndexedTreeView<String> view = new RowIndexedTreeView<>();
            TreeItem<String> root = new TreeItem<>("portfolio");
            root.setExpanded(true);
            for (int i = 0; i < 10; i++) {
                root.getChildren().add(new LazyItem("account-" + i, 3));
            }
            view.setRoot(root);
            assertThat(view.getTreeItem(6).getValue()).isEqualTo("account-5");
            root.getChildren().get(2).setExpanded(true);
            assertThat(view.getTreeItem(3).getValue()).isEqualTo("account-2");
            assertThat(view.getTreeItem(4).getValue()).isEqualTo("account-2/0");
            assertThat(view.getTreeItem(9).getValue()).isEqualTo("account-5");
            assertThat(view.getTreeItem(13).getValue()).isEqualTo("account-9");
            assertThat(view.getTreeItem(14)).isNull();
            view.setShowRoot(false);
            assertThat(view.getTreeItem(0).getValue()).isEqualTo("account-0");
        });
    }

    private static int compareAllRows(RowIndexedTreeView<String> view, String where) {
        int count = view.getExpandedItemCount();
        for (int row = -1; row <= count + 2; row++) {
            TreeItem<String> expected = view.straightforwardTreeItem(row);
            assertThat(view.getTreeItem(row)).as("%s, row %d of %d", where, row, count).isSameAs(expected);
        }
        return count + 4;
    }

    private static TreeItem<String> randomTree(Random random, String name) {
        TreeItem<String> root = new TreeItem<>(name);
        root.setExpanded(random.nextInt(8) != 0);
        int accounts = random.nextInt(40);
        for (int i = 0; i < accounts; i++) {
            root.getChildren().add(randomChild(random, name + "/" + i));
        }
        return root;
    }

    private static TreeItem<String> randomChild(Random random, String name) {
        TreeItem<String> item;
        switch (random.nextInt(4)) {
            case 0 -> item = new TreeItem<>(name);
            case 1 -> {
                item = new TreeItem<>(name);
                for (int j = 0; j < 1 + random.nextInt(3); j++) {
                    TreeItem<String> deeper = new TreeItem<>(name + "/" + j);
                    for (int k = 0; k < random.nextInt(3); k++) {
                        deeper.getChildren().add(new TreeItem<>(name + "/" + j + "/" + k));
                    }
                    deeper.setExpanded(random.nextBoolean());
                    item.getChildren().add(deeper);
                }
            }
            default -> item = new LazyItem(name, random.nextInt(4));
        }
        item.setExpanded(random.nextInt(4) == 0);
        return item;
    }

    private static void change(Random random, RowIndexedTreeView<String> view) {
        TreeItem<String> root = view.getRoot();
        List<TreeItem<String>> all = new ArrayList<>();
        collect(root, all);
        TreeItem<String> some = all.get(random.nextInt(all.size()));
        switch (random.nextInt(7)) {
            case 0, 1, 2 -> some.setExpanded(!some.isExpanded());
            case 3 -> root.getChildren().add(random.nextInt(root.getChildren().size() + 1), randomChild(random, "new" + random.nextInt(1000)));
            case 4 -> {
                if (!root.getChildren().isEmpty()) {
                    root.getChildren().remove(random.nextInt(root.getChildren().size()));
                }
            }
            case 5 -> view.setShowRoot(!view.isShowRoot());
            default -> {
                if (random.nextInt(3) == 0) {
                    view.setRoot(randomTree(random, "again" + random.nextInt(1000)));
                } else {
                    some.getChildren().add(new TreeItem<>(some.getValue() + "/added"));
                }
            }
        }
    }

    private static void collect(TreeItem<String> item, List<TreeItem<String>> into) {
        into.add(item);
        if (!(item instanceof LazyItem lazy) || lazy.made) {
            item.getChildren().forEach(c -> collect(c, into));
        }
    }

    /** Like the account rows: never a leaf, children made the first time they are asked for. */
    private static final class LazyItem extends TreeItem<String> {
        private final int children;
        private boolean made;

        LazyItem(String value, int children) {
            super(value);
            this.children = children;
        }

        @Override
        public boolean isLeaf() {
            return false;
        }

        @Override
        public ObservableList<TreeItem<String>> getChildren() {
            if (!made) {
                made = true;
                List<TreeItem<String>> list = new ArrayList<>();
                for (int i = 0; i < children; i++) {
                    list.add(new TreeItem<>(getValue() + "/" + i));
                }
                super.getChildren().setAll(list);
            }
            return super.getChildren();
        }
    }
}
