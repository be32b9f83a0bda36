package io.alluse.ui.drilldown;

import io.alluse.analytics.metrics.Annualised;
import io.alluse.domain.Money;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/** The small building blocks every drill-down view uses, so they look alike. */
public final class Widgets {

    public static final String CSS = Widgets.class.getResource("/io/alluse/ui/drilldown/drilldown.css").toExternalForm();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(DrillDownData.NEW_YORK);

    private Widgets() {
    }

    /** A figure with its caption under it; {@code tone} colours gains and losses. */
    static VBox stat(String id, String caption, String value, Tone tone) {
        Label v = new Label(value);
        v.setId(id);
        v.getStyleClass().addAll("stat-value", tone.styleClass);
        Label c = new Label(caption);
        c.getStyleClass().add("stat-caption");
        VBox box = new VBox(2, v, c);
        box.getStyleClass().add("stat-tile");
        return box;
    }

    enum Tone {
        PLAIN("tone-plain"), GAIN("tone-gain"), LOSS("tone-loss");

        final String styleClass;

        Tone(String styleClass) {
            this.styleClass = styleClass;
        }

        static Tone of(Money m) {
            return m.isNegative() ? LOSS : m.isPositive() ? GAIN : PLAIN;
        }

        static Tone of(double d) {
            return d < 0 ? LOSS : d > 0 ? GAIN : PLAIN;
        }
    }

    static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("drill-heading");
        return l;
    }

    static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("drill-muted");
        l.setWrapText(true);
        return l;
    }

    /** {@code +$1,234} / {@code -$1,234}. */
    static String signed(Money m) {
        return (m.isNegative() ? "" : "+") + m.formatWhole();
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    static String number(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "\u2014";
        }
        double scale = Math.pow(10, decimals);
        // adding 0.0 turns a -0.0 left by rounding into 0.0, so tiny negatives do not print as "-0.00"
        return String.format(Locale.ROOT, "%,." + decimals + "f", Math.rint(v * scale) / scale + 0.0);
    }

    /** What a view shows for a figure per year: the value, "n/a" while the history is too short, a dash when undefined. */
    public static String annual(Annualised a, boolean percent) {
        return switch (a) {
            case Annualised.Value(double v) -> percent ? String.format(Locale.ROOT, "%.2f%%", v * 100) : String.format(Locale.ROOT, "%.2f", v);
            case Annualised.ShortHistory s -> NOT_YET;
            case Annualised.Undefined u -> "\u2014";
        };
    }

    /** The tooltip that says why a figure per year is missing; empty when it has a value. */
    public static Optional<String> annualWhy(Annualised a) {
        return switch (a) {
            case Annualised.Value v -> Optional.empty();
            case Annualised.ShortHistory(String needs) -> Optional.of(capitalised(needs) + ".");
            case Annualised.Undefined(String reason) -> Optional.of("Undefined: " + reason + ".");
        };
    }

    /** Shown for a figure per year over too short a history. */
    public static final String NOT_YET = "n/a";

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String when(Instant at) {
        return WHEN.format(at);
    }

    static <T> TableView<T> table(String id, String placeholder) {
        TableView<T> t = new TableView<>();
        t.setId(id);
        // columns keep their widths (dates and amounts stay whole); a scroll bar appears when the pane is narrower
        t.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        t.setPlaceholder(muted(placeholder));
        t.getStyleClass().add("drill-table");
        t.setFixedCellSize(26);
        return t;
    }

    static <T> TableColumn<T, String> text(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 60));
        c.setSortable(false);
        return c;
    }

    static <T> TableColumn<T, String> number(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = text(title, width, value);
        c.getStyleClass().add("number-column");
        return c;
    }

    @SafeVarargs
    static <T> TableView<T> fill(TableView<T> table, List<T> rows, TableColumn<T, ?>... columns) {
        if (table.getColumns().isEmpty()) {
            table.getColumns().addAll(columns);
        }
        table.setItems(FXCollections.observableArrayList(rows));
        return table;
    }
}
