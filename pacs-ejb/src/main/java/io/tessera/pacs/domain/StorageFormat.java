package io.tessera.pacs.domain;

/** 001 §2, StorageFormat: how a received data set is written to disk. */
public enum StorageFormat {
    /** A Part 10 file: preamble, "DICM", File Meta Information, then the data set as received. */
    PART10,
    /** The data set as received, without any header. */
    NATIVE
}
