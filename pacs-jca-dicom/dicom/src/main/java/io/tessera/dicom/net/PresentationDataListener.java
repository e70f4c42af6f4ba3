package io.tessera.dicom.net;

import io.tessera.dicom.net.pdu.Pdv;
import java.io.IOException;

/**
 * The layer above the association (DIMSE) receives each presentation data value here, in order, on the
 * association's reader thread. It may pull further PDVs itself with {@link Association#nextPdv()} while still
 * inside this call (that is how a data set streams to a handler without being buffered).
 */
public interface PresentationDataListener {

    void onPdv(Association association, Pdv pdv) throws IOException;

    /** True while operations are outstanding, so the idle timeout does not abort a busy association. */
    default boolean busy() {
        return false;
    }

    /** The association ended; {@code cause} is null after an orderly release. */
    default void onClose(Association association, Throwable cause) {
    }
}
