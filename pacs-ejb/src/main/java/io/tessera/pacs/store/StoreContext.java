package io.tessera.pacs.store;

import io.tessera.dicom.net.Association;
import io.tessera.pacs.domain.StorageFormat;
import java.nio.file.Path;

/**
 * What the C-STOREs of one association share, kept in its properties while it lasts: the storage area and format,
 * looked up at its first C-STORE (a change of the AE's archive directory or of the setting applies to its next
 * association), the series it stored and the rows they hang from ({@link KnownSeries}), and the studies it stored
 * ({@link ReceivedStudies}, summarised when it ends).
 */
final class StoreContext {
    private static final String PROPERTY = StoreContext.class.getName();

    private final Path area;
    private final StorageFormat format;
    private final KnownSeries knownSeries = new KnownSeries();
    private final ReceivedStudies receivedStudies = new ReceivedStudies();

    /** Looks up what an association's first C-STORE needs. */
    @FunctionalInterface
    interface Settings {
        StoreContext lookUp() throws StoreFailure;
    }

    StoreContext(Path area, StorageFormat format) {
        this.area = area;
        this.format = format;
    }

    /** The association's context, made by {@code settings} at its first C-STORE. */
    static StoreContext of(Association association, Settings settings) throws StoreFailure {
        synchronized (association) {
            StoreContext c = on(association);
            if (c == null) {
                c = settings.lookUp();
                association.property(PROPERTY, c);
            }
            return c;
        }
    }

    /** The association's context, or null when it stored nothing. */
    static StoreContext on(Association association) {
        return (StoreContext) association.property(PROPERTY);
    }

    Path area() {
        return area;
    }

    StorageFormat format() {
        return format;
    }

    KnownSeries knownSeries() {
        return knownSeries;
    }

    ReceivedStudies receivedStudies() {
        return receivedStudies;
    }
}
