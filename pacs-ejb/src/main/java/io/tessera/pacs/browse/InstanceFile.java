package io.tessera.pacs.browse;

import java.io.Serializable;
import java.nio.file.Path;

/** Where an instance's file is and what the renderer needs to know before reading it. */
public record InstanceFile(String sopInstanceUid, Path file, String transferSyntaxUid, int frames, Integer rows,
                           Integer columns) implements Serializable {
}
