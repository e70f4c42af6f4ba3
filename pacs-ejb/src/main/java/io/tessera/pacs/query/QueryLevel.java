package io.tessera.pacs.query;

import java.util.Locale;

/** The Query/Retrieve levels of PS3.4 C.6, top to bottom; each is one table of the index (db V3__index.sql). */
public enum QueryLevel {
    PATIENT("p"), STUDY("st"), SERIES("se"), IMAGE("i");

    private final String alias;

    QueryLevel(String alias) {
        this.alias = alias;
    }

    /** The SQL alias of the level's table in {@link FindQuery}. */
    String alias() {
        return alias;
    }

    /** The level a Query/Retrieve Level (0008,0052) value names, or null for an unknown one. */
    public static QueryLevel of(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
