package io.tessera.pacs.store;

import java.nio.file.Path;

/** ${tessera.data.dir} (README, "Configuration"): where the PACS keeps its data unless told otherwise. */
public final class DataDirectory {

    private DataDirectory() {
    }

    public static Path path() {
        return Path.of(System.getProperty("tessera.data.dir", System.getProperty("jboss.server.data.dir", ".")));
    }
}
