package io.tessera.dicom.net.pdu;

import java.util.ArrayList;
import java.util.List;

/** A-ASSOCIATE-AC, PS3.8 §9.3.3: the acceptor's answer, one result per proposed presentation context. */
public final class AAssociateAc extends AAssociate implements Pdu {

    private final List<PresentationContextAc> presentationContexts = new ArrayList<>();

    @Override
    public int type() {
        return A_ASSOCIATE_AC;
    }

    public List<PresentationContextAc> presentationContexts() {
        return presentationContexts;
    }

    public PresentationContextAc presentationContext(int id) {
        for (PresentationContextAc pc : presentationContexts) {
            if (pc.id() == id) {
                return pc;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "A-ASSOCIATE-AC[" + callingAeTitle() + " -> " + calledAeTitle() + ", " + presentationContexts
                + ", " + userInformation() + "]";
    }
}
