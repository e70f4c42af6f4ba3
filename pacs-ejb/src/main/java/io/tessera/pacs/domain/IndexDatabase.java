package io.tessera.pacs.domain;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The two databases the index runs on (README): which one a connection is to, where the code must tell them apart. */
public enum IndexDatabase {
    H2, POSTGRESQL;

    /**
     * @throws IllegalStateException for any other database
     */
    public static IndexDatabase of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("h2")) {
            return H2;
        }
        throw new IllegalStateException("Tessera PACS has no schema for database " + product
                + "; supported are H2 and PostgreSQL");
    }
}
