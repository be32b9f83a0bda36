package io.alluse.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity(name = "AppSetting")
@Table(name = "app_setting")
class AppSettingEntity {
    @Id
    String name;
    @Column(name = "val")
    String value;
}
