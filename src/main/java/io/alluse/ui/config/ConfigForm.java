package io.alluse.ui.config;

import io.alluse.domain.AccountId;
import io.alluse.domain.ConfigDraft;
import io.alluse.domain.Defaults;
import io.alluse.domain.ExecutionWindow;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveDraft;
import io.alluse.domain.SleeveKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * An account configuration being edited: the text of every field (allocation, cash buffer, the
 * three sleeves' parameters, the execution window). Shared by the wizard and the configuration
 * dialog; the owner validates {@link #toDraft()} whenever {@link #onChange} fires.
 */
public final class ConfigForm {

    /** How many other accounts' windows the window note names before it says "and N more". */
    static final int WINDOWS_LISTED = 6;

    private final Map<SleeveKind, SleeveForm> sleeves = new EnumMap<>(SleeveKind.class);
    private final StringProperty cashBuffer = new SimpleStringProperty("");
    private final StringProperty windowStart = new SimpleStringProperty("");
    private final StringProperty windowEnd = new SimpleStringProperty("");
    private final BooleanProperty allowOverlap = new SimpleBooleanProperty();
    private final BooleanProperty customAllocation = new SimpleBooleanProperty();
    private final ObjectProperty<Optional<Money>> capital = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<Map<AccountId, ExecutionWindow>> otherWindows = new SimpleObjectProperty<>(Map.of());
    private final ReadOnlyObjectWrapper<AllocationPreview> preview = new ReadOnlyObjectWrapper<>();
    private final List<Runnable> changeListeners = new ArrayList<>();
    private boolean loading;

    public ConfigForm() {
        for (SleeveKind kind : SleeveKind.values()) {
            sleeves.put(kind, new SleeveForm(kind));
        }
        List<javafx.beans.Observable> inputs = new ArrayList<>(List.of(cashBuffer, windowStart, windowEnd, allowOverlap, capital, otherWindows));
        sleeves.values().forEach(s -> inputs.addAll(s.all()));
        for (javafx.beans.Observable input : inputs) {
            input.addListener(o -> changed());
        }
        // Choosing the defaults puts the default numbers back; custom keeps what is there to edit.
        customAllocation.addListener((obs, was, custom) -> {
            if (!custom) {
                resetAllocation();
            }
        });
        preview.set(AllocationPreview.of(capital.get(), toDraft()));
    }

    public ConfigDraft toDraft() {
        EnumMap<SleeveKind, SleeveDraft> drafts = new EnumMap<>(SleeveKind.class);
        sleeves.forEach((kind, form) -> drafts.put(kind, form.toDraft()));
        return new ConfigDraft(drafts, cashBuffer.get(), windowStart.get(), windowEnd.get(), allowOverlap.get());
    }

    /** Shows {@code draft}; "defaults" is chosen when its allocation and buffer are the defaults. */
    public void load(ConfigDraft draft) {
        batch(() -> {
            sleeves.forEach((kind, form) -> form.load(draft.sleeve(kind)));
            cashBuffer.set(draft.cashBuffer());
            windowStart.set(draft.windowStart());
            windowEnd.set(draft.windowEnd());
            allowOverlap.set(draft.allowOverlap());
            customAllocation.set(!isDefaultAllocation(draft));
        });
    }

    static boolean isDefaultAllocation(ConfigDraft draft) {
        ConfigDraft defaults = ConfigDraft.of(Defaults.config(ExecutionWindow.of("09:45", "10:15")));
        for (SleeveKind kind : SleeveKind.values()) {
            if (!samePercent(draft.sleeve(kind).target(), defaults.sleeve(kind).target())) {
                return false;
            }
        }
        return samePercent(draft.cashBuffer(), defaults.cashBuffer());
    }

    private static boolean samePercent(String a, String b) {
        try {
            return new java.math.BigDecimal(a.trim()).compareTo(new java.math.BigDecimal(b.trim())) == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The ALL-USE targets (40/30/30) and the 5% buffer. */
    public void resetAllocation() {
        batch(() -> {
            for (SleeveKind kind : SleeveKind.values()) {
                sleeves.get(kind).targetProperty().set(Defaults.sleeve(kind).target().toBigDecimal().toPlainString());
            }
            cashBuffer.set(Defaults.CASH_BUFFER.toBigDecimal().toPlainString());
        });
    }

    /** Symbols, deltas, days, floors and caps of one sleeve back to the published defaults; its target stays. */
    public void resetParameters(SleeveKind kind) {
        batch(() -> sleeves.get(kind).loadParameters(defaults(kind)));
    }

    /** What the fields of a sleeve hold by default, for hints next to them. */
    public static SleeveDraft defaults(SleeveKind kind) {
        return SleeveDraft.of(Defaults.sleeve(kind));
    }

    /** The first window that overlaps no other account's: what "Use suggested" fills in. */
    public ExecutionWindow suggestedWindow() {
        return ExecutionWindow.suggest(otherWindows.get().values());
    }

    public void useSuggestedWindow() {
        ExecutionWindow w = suggestedWindow();
        batch(() -> {
            windowStart.set(w.start().toString());
            windowEnd.set(w.end().toString());
        });
    }

    /** "account-1 09:45-10:15, account-2 10:15-10:45", earliest first, at most a few then "and N more". */
    public String otherWindowsText() {
        Map<AccountId, ExecutionWindow> others = otherWindows.get();
        if (others.isEmpty()) {
            return "No other account has a window yet.";
        }
        List<Map.Entry<AccountId, ExecutionWindow>> sorted = others.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<AccountId, ExecutionWindow> e) -> e.getValue().start()).thenComparing(Map.Entry::getKey))
                .toList();
        String listed = sorted.stream().limit(WINDOWS_LISTED).map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        int more = sorted.size() - WINDOWS_LISTED;
        return "Other accounts' windows (New York): " + listed + (more > 0 ? ", and " + more + " more" : "") + ".";
    }

    /** Runs {@code listener} after every change of any field (once per batch of changes). */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    private void batch(Runnable edits) {
        boolean outer = !loading;
        loading = true;
        try {
            edits.run();
        } finally {
            if (outer) {
                loading = false;
                changed();
            }
        }
    }

    private void changed() {
        if (loading) {
            return;
        }
        preview.set(AllocationPreview.of(capital.get(), toDraft()));
        changeListeners.forEach(Runnable::run);
    }

    public SleeveForm sleeve(SleeveKind kind) {
        return sleeves.get(kind);
    }

    public StringProperty cashBufferProperty() {
        return cashBuffer;
    }

    public StringProperty windowStartProperty() {
        return windowStart;
    }

    public StringProperty windowEndProperty() {
        return windowEnd;
    }

    public BooleanProperty allowOverlapProperty() {
        return allowOverlap;
    }

    /** False: the default allocation, fields locked; true: the user types the percentages. */
    public BooleanProperty customAllocationProperty() {
        return customAllocation;
    }

    /** The account's total capital, if known: the allocation preview turns percentages into dollars with it. */
    public ObjectProperty<Optional<Money>> capitalProperty() {
        return capital;
    }

    /** The other accounts' windows, for the note and the suggestion (not this account's own). */
    public ObjectProperty<Map<AccountId, ExecutionWindow>> otherWindowsProperty() {
        return otherWindows;
    }

    public ReadOnlyObjectProperty<AllocationPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }
}
