package io.tessera.dicom;

/**
 * How this implementation names itself in File Meta Information (PS3.10 §7.1) and A-ASSOCIATE (PS3.7 D.3.3.2).
 */
public final class Implementation {
    private Implementation() {
    }

    /** Implementation Class UID: a fixed UUID-derived UID (PS3.5 §B.2), changed only with incompatible releases. */
    public static final String CLASS_UID = "2.25.189408699647585548809483642548121813420";

    /** Implementation Version Name, at most 16 characters of the default repertoire (SH). */
    public static final String VERSION_NAME = "TESSERA_0_1";
}
