package io.alluse.ui.config;

import io.alluse.domain.SleeveDraft;
import io.alluse.domain.SleeveKind;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One sleeve's settings as the text in its fields; converts to and from the domain's draft. */
public final class SleeveForm {

    private final SleeveKind kind;
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty symbols = new SimpleStringProperty("");
    private final StringProperty deltaMin = new SimpleStringProperty("");
    private final StringProperty deltaMax = new SimpleStringProperty("");
    private final StringProperty dteMin = new SimpleStringProperty("");
    private final StringProperty dteMax = new SimpleStringProperty("");
    private final StringProperty entryDays = new SimpleStringProperty("");
    private final StringProperty premiumFloor = new SimpleStringProperty("");
    private final StringProperty profitTake = new SimpleStringProperty("");
    private final StringProperty perSymbolCap = new SimpleStringProperty("");

    SleeveForm(SleeveKind kind) {
        this.kind = kind;
    }

    public SleeveKind kind() {
        return kind;
    }

    public SleeveDraft toDraft() {
        return new SleeveDraft(target.get(), symbols.get(), deltaMin.get(), deltaMax.get(), dteMin.get(), dteMax.get(),
                entryDays.get(), premiumFloor.get(), profitTake.get(), perSymbolCap.get());
    }

    /** Fills every field but the target, which belongs to the allocation. */
    void loadParameters(SleeveDraft d) {
        symbols.set(d.symbols());
        deltaMin.set(d.deltaMin());
        deltaMax.set(d.deltaMax());
        dteMin.set(d.dteMin());
        dteMax.set(d.dteMax());
        entryDays.set(d.entryDays());
        premiumFloor.set(d.premiumFloor());
        profitTake.set(d.profitTake());
        perSymbolCap.set(d.perSymbolCap());
    }

    void load(SleeveDraft d) {
        target.set(d.target());
        loadParameters(d);
    }

    List<StringProperty> all() {
        return List.of(target, symbols, deltaMin, deltaMax, dteMin, dteMax, entryDays, premiumFloor, profitTake, perSymbolCap);
    }

    /** The validator's field key of one of this sleeve's settings: {@code gen.deltaMin}. */
    public String key(String setting) {
        return kind.key() + "." + setting;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public StringProperty symbolsProperty() {
        return symbols;
    }

    public StringProperty deltaMinProperty() {
        return deltaMin;
    }

    public StringProperty deltaMaxProperty() {
        return deltaMax;
    }

    public StringProperty dteMinProperty() {
        return dteMin;
    }

    public StringProperty dteMaxProperty() {
        return dteMax;
    }

    public StringProperty entryDaysProperty() {
        return entryDays;
    }

    public StringProperty premiumFloorProperty() {
        return premiumFloor;
    }

    public StringProperty profitTakeProperty() {
        return profitTake;
    }

    public StringProperty perSymbolCapProperty() {
        return perSymbolCap;
    }
}
