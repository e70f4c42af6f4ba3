package io.tessera.dicom.net;

/** Our implementation identification until io.tessera.dicom.Implementation is merged (PS3.7 §D.3.3.2). */
final class NetImplementation {
    static final String CLASS_UID = "2.25.173620494753290375623424591011226633541";
    static final String VERSION_NAME = "TESSERA_0_1";

    private NetImplementation() {
    }
}
