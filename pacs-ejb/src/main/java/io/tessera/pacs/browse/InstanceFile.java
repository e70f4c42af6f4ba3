package io.tessera.pacs.browse;

import java.io.Serializable;
import java.nio.file.Path;

/** Where an instance's file is (and its digest, which names its cached renderings) and what the renderer needs. */
public record InstanceFile(String sopInstanceUid, Path file, String transferSyntaxUid, int frames, Integer rows,
                           Integer columns, String digest) implements Serializable {
}
