package io.tessera.dicom.net.pdu;

import java.util.List;

/**
 * A proposed presentation context, PS3.8 §9.3.2.2: an odd ID 1..255, one abstract syntax, one or more transfer
 * syntaxes in the proposer's order of preference.
 */
public record PresentationContextRq(int id, String abstractSyntax, List<String> transferSyntaxes) {
    public PresentationContextRq {
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }

    public PresentationContextRq(int id, String abstractSyntax, String... transferSyntaxes) {
        this(id, abstractSyntax, List.of(transferSyntaxes));
    }
}
