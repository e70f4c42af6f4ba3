package io.tessera.pacs.domain;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import java.util.logging.Logger;

/**
 * Applies the Flyway migrations of the {@code db} module while Hibernate builds the session factory, before it
 * validates the mapping against the schema (hibernate.hbm2ddl.auto=validate). Hibernate finds this class through
 * META-INF/services; so nothing else can touch the schema before it is current. One tree per database:
 * db/migration/h2, db/migration/postgresql, chosen from the JDBC connection's product name.
 */
public class SchemaMigration implements Integrator {
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        DataSource dataSource = sessionFactory.getServiceRegistry()
                .requireService(ConnectionProvider.class).unwrap(DataSource.class);
        ClassLoader classLoader = SchemaMigration.class.getClassLoader();
        MigrateResult result = Flyway.configure(classLoader)
                .dataSource(dataSource)
                .resourceProvider(new ListedMigrations(classLoader, database(dataSource)))
                .load()
                .migrate();
        LOG.info(() -> "Database schema " + (result.migrationsExecuted == 0
                ? "is current at version " + result.initialSchemaVersion
                : "migrated from " + result.initialSchemaVersion + " to " + result.targetSchemaVersion
                        + " (" + result.migrationsExecuted + " migrations)")
                + " on " + result.database);
    }

    /** The folder name of the database's migration tree: h2 or postgresql. */
    private static String database(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return IndexDatabase.of(c).name().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the index database to migrate it: " + e.getMessage(), e);
        }
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory,
            org.hibernate.service.spi.SessionFactoryServiceRegistry serviceRegistry) {
    }
}
