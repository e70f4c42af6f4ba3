package io.tessera.pacs.store;

/** A Patient ID already in the index arrives with another Patient's Name (001 Table 22, A703). */
public enum PatientIdPolicy {
    /** Store the instance under the existing patient and record the conflict. The default. */
    ACCEPT,
    /** Refuse the instance with A703 "conflict with existing patient ID". */
    REFUSE
}
