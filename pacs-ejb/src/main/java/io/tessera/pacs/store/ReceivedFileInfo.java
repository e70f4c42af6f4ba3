package io.tessera.pacs.store;

import io.tessera.pacs.domain.StorageFormat;
import java.nio.file.Path;

/** Where a received data set now lies and what it is: what the index records about the file. */
public record ReceivedFileInfo(Path area, String relativePath, long size, StorageFormat format, String transferSyntaxUid,
                               String digest) {
}
