package io.tessera.pacs.jca;

import io.tessera.dicom.data.UID;
import io.tessera.dicom.io.TransferSyntax;
import io.tessera.dicom.net.DefaultAcceptancePolicy;
import io.tessera.dicom.net.PresentationContextPolicy;

/**
 * The SCP services of seed 001 §3.4 and the presentation contexts each one accepts — the lists themselves are the
 * library's {@link DefaultAcceptancePolicy}. The endpoint names the services it serves
 * ({@link DicomActivationSpec#getServices()}); the acceptance policy is their union, so a service not yet served has
 * its contexts rejected one by one.
 */
public enum DicomService {
    /** 001 §3.4.3: Verification, Implicit and Explicit VR Little Endian. */
    VERIFICATION {
        @Override
        void addTo(PresentationContextPolicy policy) {
            policy.accept(UID.VerificationSOPClass, NATIVE_COMMAND_SYNTAXES);
        }
    },
    /** 001 §3.4.1: Table 21, the SR classes of §3.4.1.6 and every other storage class, with the syntaxes of Table 23. */
    STORAGE {
        @Override
        void addTo(PresentationContextPolicy policy) {
            String[] syntaxes = DefaultAcceptancePolicy.STORAGE_TRANSFER_SYNTAXES.toArray(String[]::new);
            for (String sopClass : DefaultAcceptancePolicy.storageClasses()) {
                policy.accept(sopClass, syntaxes);
                // C-GET: the requestor is SCP of the storage classes on its own association (PS3.7 §D.3.3.4)
                policy.role(sopClass, true, true);
            }
        }
    },
    /** 001 §3.4.2, Table 25: the nine Query/Retrieve classes, relational queries and retrieval (PS3.4 C.3.4). */
    QUERY_RETRIEVE {
        @Override
        void addTo(PresentationContextPolicy policy) {
            for (String sopClass : DefaultAcceptancePolicy.QUERY_RETRIEVE) {
                policy.accept(sopClass, NATIVE_COMMAND_SYNTAXES);
                policy.extendedNegotiation(sopClass, (byte) 1);
            }
        }
    },
    /** 001 §3.4.4: Detached Study Management notifications; the RIS is the SCP of the class on its association. */
    DETACHED_STUDY_MANAGEMENT {
        @Override
        void addTo(PresentationContextPolicy policy) {
            policy.accept(DefaultAcceptancePolicy.DETACHED_STUDY_MANAGEMENT, NATIVE_COMMAND_SYNTAXES);
            policy.role(DefaultAcceptancePolicy.DETACHED_STUDY_MANAGEMENT, true, true);
        }
    },
    /** Modality Worklist Information Model – FIND. */
    MODALITY_WORKLIST {
        @Override
        void addTo(PresentationContextPolicy policy) {
            policy.accept(DefaultAcceptancePolicy.MODALITY_WORKLIST, NATIVE_COMMAND_SYNTAXES);
        }
    };

    /** For Verification, Q/R and Detached Study Management: Implicit VR LE and Explicit VR LE (001 §3.4). */
    static final String[] NATIVE_COMMAND_SYNTAXES = {
            TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()};

    abstract void addTo(PresentationContextPolicy policy);
}
