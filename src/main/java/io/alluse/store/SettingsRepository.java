package io.alluse.store;

import java.util.Optional;

/** Small app-wide values that must survive restarts (the paper market's seed and clock). */
public final class SettingsRepository {

    private final Database db;

    public SettingsRepository(Database db) {
        this.db = db;
    }

    public Optional<String> get(String name) {
        return db.portfolioTransaction(s -> Optional.ofNullable(s.find(AppSettingEntity.class, name)).map(e -> e.value));
    }

    public void put(String name, String value) {
        db.portfolioTransaction(s -> {
            AppSettingEntity e = s.find(AppSettingEntity.class, name);
            if (e == null) {
                e = new AppSettingEntity();
                e.name = name;
                e.value = value;
                s.persist(e);
            } else {
                e.value = value;
            }
            return null;
        });
    }
}
