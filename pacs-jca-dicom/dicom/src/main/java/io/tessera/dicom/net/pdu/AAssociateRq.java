package io.tessera.dicom.net.pdu;

import java.util.ArrayList;
import java.util.List;

/** A-ASSOCIATE-RQ, PS3.8 §9.3.2: the proposal of an association. */
public final class AAssociateRq extends AAssociate implements Pdu {

    private final List<PresentationContextRq> presentationContexts = new ArrayList<>();

    @Override
    public int type() {
        return A_ASSOCIATE_RQ;
    }

    public List<PresentationContextRq> presentationContexts() {
        return presentationContexts;
    }

    public PresentationContextRq presentationContext(int id) {
        for (PresentationContextRq pc : presentationContexts) {
            if (pc.id() == id) {
                return pc;
            }
        }
        return null;
    }

    /** Adds a context with the next free odd ID (PS3.8 §9.3.2.2: odd integers 1..255). */
    public PresentationContextRq addPresentationContext(String abstractSyntax, String... transferSyntaxes) {
        int id = presentationContexts.isEmpty() ? 1 : presentationContexts.get(presentationContexts.size() - 1).id() + 2;
        if (id > 255) {
            throw new IllegalStateException("more than 128 presentation contexts");
        }
        PresentationContextRq pc = new PresentationContextRq(id, abstractSyntax, transferSyntaxes);
        presentationContexts.add(pc);
        return pc;
    }

    @Override
    public String toString() {
        return "A-ASSOCIATE-RQ[" + callingAeTitle() + " -> " + calledAeTitle() + ", " + presentationContexts.size()
                + " presentation context(s), " + userInformation() + "]";
    }
}
