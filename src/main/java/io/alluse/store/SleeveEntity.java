package io.alluse.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

@Entity(name = "Sleeve")
@Table(name = "sleeve")
class SleeveEntity {

    @Embeddable
    record Key(@Column(name = "account_id") String accountId, String kind) implements Serializable {
    }

    @EmbeddedId
    Key key;
    @Column(name = "target_bp")
    int targetBp;
    @Column(name = "capital_cents")
    long capitalCents;
    String symbols;
    @Column(name = "delta_min")
    double deltaMin;
    @Column(name = "delta_max")
    double deltaMax;
    @Column(name = "dte_min")
    int dteMin;
    @Column(name = "dte_max")
    int dteMax;
    @Column(name = "entry_days")
    String entryDays;
    @Column(name = "premium_floor_bp")
    int premiumFloorBp;
    @Column(name = "profit_take_bp")
    int profitTakeBp;
    @Column(name = "per_symbol_cap_bp")
    int perSymbolCapBp;
}
