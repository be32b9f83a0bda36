package io.alluse.ui.portfolio;

import java.util.List;
import javafx.event.EventHandler;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * A {@link TreeView} that finds the item on a row without walking the rows above it.
 *
 * <p>JavaFX looks a row up by counting through the root's children one by one (asking each whether
 * it is expanded), so with 10,000 accounts every cell shown far down the tree costs thousands of
 * steps, and a scroll step of a page asks for a few dozen rows: that walk was a fifth of the FX
 * thread's time per scroll step. Here the root's expanded children (a handful: the user expands
 * accounts one at a time) are listed once per change of the tree, and a row is found among those
 * few. The answer is the same as {@code TreeView}'s for every row (checked by RowIndexedTreeViewTest
 * against {@link #straightforwardTreeItem}); anything unusual (no root, a collapsed root) takes
 * {@code TreeView}'s own path.
 */
class RowIndexedTreeView<T> extends TreeView<T> {

    /** Indices (in the root's children) of the children that are expanded and have children, ascending; null when the tree changed. */
    private int[] expanded;
    /** Rows each of those takes, itself included. */
    private int[] spans;
    private final EventHandler<TreeItem.TreeModificationEvent<T>> changed = e -> expanded = null;

    RowIndexedTreeView() {
        rootProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removeEventHandler(TreeItem.treeNotificationEvent(), changed);
            }
            if (now != null) {
                // every change below the root (expand, collapse, children, values) reaches the root as one of these
                now.addEventHandler(TreeItem.treeNotificationEvent(), changed);
            }
            expanded = null;
        });
        showRootProperty().addListener((obs, old, now) -> expanded = null);
    }

    @Override
    public TreeItem<T> getTreeItem(int row) {
        TreeItem<T> root = getRoot();
        if (row < 0 || root == null || !root.isExpanded() || root.isLeaf()) {
            return super.getTreeItem(row);
        }
        int index = isShowRoot() ? row : row + 1;
        if (index == 0) {
            return root;
        }
        if (expanded == null) {
            index(root);
        }
        int[] expanded = this.expanded;
        int[] spans = this.spans;
        List<TreeItem<T>> children = root.getChildren();
        // rows below the root; each child takes one, an expanded one also its visible descendants
        int r = index - 1;
        int extra = 0;
        for (int k = 0; k < expanded.length; k++) {
            int at = expanded[k] + extra;
            if (r < at) {
                break;
            }
            if (r < at + spans[k]) {
                return itemAt(children.get(expanded[k]), r - at);
            }
            extra += spans[k] - 1;
        }
        int child = r - extra;
        return child < children.size() ? children.get(child) : null;
    }

    /** What {@code TreeView} itself answers (for the test that compares the two). */
    final TreeItem<T> straightforwardTreeItem(int row) {
        return super.getTreeItem(row);
    }

    private void index(TreeItem<T> root) {
        List<TreeItem<T>> children = root.getChildren();
        int count = 0;
        int[] at = new int[8];
        int[] span = new int[8];
        for (int i = 0; i < children.size(); i++) {
            TreeItem<T> c = children.get(i);
            if (c.isExpanded() && !c.isLeaf()) {
                if (count == at.length) {
                    at = java.util.Arrays.copyOf(at, count * 2);
                    span = java.util.Arrays.copyOf(span, count * 2);
                }
                at[count] = i;
                span[count] = rows(c);
                count++;
            }
        }
        // after the walk: making an expanded account's rows on the way fires a change that clears the index
        spans = java.util.Arrays.copyOf(span, count);
        expanded = java.util.Arrays.copyOf(at, count);
    }

    /** Rows {@code item} takes: itself and, expanded, its children's rows. */
    private static <T> int rows(TreeItem<T> item) {
        if (item.isLeaf() || !item.isExpanded()) {
            return 1;
        }
        int n = 1;
        for (TreeItem<T> c : item.getChildren()) {
            n += rows(c);
        }
        return n;
    }

    /** The item {@code offset} rows below {@code item} (0: itself) inside its span. */
    private static <T> TreeItem<T> itemAt(TreeItem<T> item, int offset) {
        if (offset == 0) {
            return item;
        }
        int r = offset - 1;
        for (TreeItem<T> c : item.getChildren()) {
            int span = rows(c);
            if (r < span) {
                return itemAt(c, r);
            }
            r -= span;
        }
        return null;
    }
}
