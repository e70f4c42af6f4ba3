package io.tessera.pacs.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The migrations of one database, named by the list {@code db/migration/<database>/migrations.list} that the db
 * module's build writes. Flyway cannot list a folder inside the EAR through WildFly's class loader; it can read
 * files by name, so this provider names them.
 */
final class ListedMigrations implements ResourceProvider {
    private final ClassLoader classLoader;
    private final String folder;
    private final List<String> names = new ArrayList<>();

    ListedMigrations(ClassLoader classLoader, String database) {
        this.classLoader = classLoader;
        this.folder = "db/migration/" + database + "/";
        try (InputStream in = classLoader.getResourceAsStream(folder + "migrations.list")) {
            if (in == null) {
                throw new IllegalStateException("No " + folder + "migrations.list: the db module is missing from the EAR"
                        + " or has no migrations for " + database);
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(s -> !s.isEmpty()).forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public LoadableResource getResource(String name) {
        return names.contains(name) ? new Migration(name) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return names.stream()
                .filter(n -> n.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(n::endsWith))
                .map(n -> (LoadableResource) new Migration(n))
                .toList();
    }

    private final class Migration extends LoadableResource {
        private final String name;

        Migration(String name) {
            this.name = name;
        }

        @Override
        public Reader read() {
            InputStream in = classLoader.getResourceAsStream(folder + name);
            if (in == null) {
                throw new IllegalStateException("Migration " + folder + name + " is listed but missing");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return folder + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return folder + name;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
