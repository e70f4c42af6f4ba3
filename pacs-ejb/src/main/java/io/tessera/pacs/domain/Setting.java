package io.tessera.pacs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One run-time setting, name → value (db V3__index.sql, pacs_setting). */
@Entity
@Table(name = "pacs_setting")
public class Setting {

    @Id
    @Column(length = 64)
    private String name;

    @Column(name = "setting_value", nullable = false, length = 1024)
    private String value;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Setting() {
    }

    public Setting(String name, String value) {
        this.name = name;
        setValue(value);
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    public final void setValue(String value) {
        this.value = value;
        this.updatedAt = Instant.now();
    }
}
