package io.tessera.pacs.store;

import java.util.Map;

/**
 * {@code io.tessera.pacs:service=Storage}: the storage counters since start and the storage settings (the console's
 * Storage page shows and changes the same). Setting an attribute takes effect with the next C-STORE.
 */
public interface StorageMXBean {

    long getInstancesStored();

    long getBytesStored();

    /** Refusals by C-STORE status (001 Table 22), e.g. {"A700": 2}. */
    Map<String, Long> getFailuresByStatus();

    String getDefaultArea();

    void setDefaultArea(String absolutePath);

    /** PART10 or NATIVE (001 §2 StorageFormat). */
    String getStorageFormat();

    void setStorageFormat(String format);

    /** KEEP, REPLACE or REPLACE_IF_DIFFERENT. */
    String getDuplicatePolicy();

    void setDuplicatePolicy(String policy);

    /** ACCEPT or REFUSE (A703). */
    String getPatientIdPolicy();

    void setPatientIdPolicy(String policy);

    /** 001 §3.4.1.5: chosen whenever a storage context proposes it; empty for none. */
    String getPreferredTransferSyntax();

    void setPreferredTransferSyntax(String uid);
}
