package io.tessera.pacs.remote;

/** The Move Destination of a retrieve into this archive: our own AE title. */
public final class MoveDestination {
    private MoveDestination() {
    }

    public static String ourAeTitle() {
        return System.getProperty("tessera.dicom.aetitle", "TESSERA");
    }
}
