package io.tessera.pacs.retrieve;

import io.tessera.pacs.domain.StorageFormat;
import java.nio.file.Path;

/** One instance to send in a C-STORE sub-operation: what the index says about it and its file. */
public record StoredInstance(String sopInstanceUid, String sopClassUid, String transferSyntaxUid,
                             StorageFormat storageFormat, Path file) {

    /** For the JPQL constructor expression of {@link InstanceLocator}. */
    public StoredInstance(String sopInstanceUid, String sopClassUid, String transferSyntaxUid,
                          StorageFormat storageFormat, String storageArea, String filePath) {
        this(sopInstanceUid, sopClassUid, transferSyntaxUid, storageFormat, Path.of(storageArea).resolve(filePath));
    }
}
