package io.tessera.pacs.store;

/** What to do when a SOP Instance UID that is already stored arrives again. Every case is recorded as a store event. */
public enum DuplicatePolicy {
    /** Keep the stored instance; the new one is discarded (and acknowledged). */
    KEEP,
    /** Replace the stored instance by the new one. */
    REPLACE,
    /** Replace only when the data set differs (SHA-256); an identical copy is discarded. The default. */
    REPLACE_IF_DIFFERENT
}
