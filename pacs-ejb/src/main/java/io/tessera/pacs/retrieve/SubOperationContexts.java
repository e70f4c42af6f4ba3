package io.tessera.pacs.retrieve;

import io.tessera.dicom.io.TransferSyntax;
import io.tessera.dicom.net.Association;
import io.tessera.dicom.net.pdu.PresentationContextAc;

/** Which accepted presentation context carries a sub-operation (001 §3.3.3.3). */
final class SubOperationContexts {
    private SubOperationContexts() {
    }

    /**
     * The accepted context for the instance's SOP class in its stored transfer syntax; failing that, for a stored
     * Explicit VR Little Endian, one in Implicit VR Little Endian (the data set is then converted); else null.
     */
    static PresentationContextAc find(Association association, StoredInstance instance) {
        PresentationContextAc pc = exactly(association, instance.sopClassUid(), instance.transferSyntaxUid());
        if (pc == null && TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid().equals(instance.transferSyntaxUid())) {
            pc = exactly(association, instance.sopClassUid(), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid());
        }
        return pc;
    }

    private static PresentationContextAc exactly(Association association, String sopClass, String transferSyntax) {
        PresentationContextAc pc = association.findContext(sopClass, transferSyntax);
        return pc != null && transferSyntax.equals(pc.transferSyntax()) ? pc : null;
    }
}
