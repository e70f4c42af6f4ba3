package io.tessera.pacs.jca;

import io.tessera.dicom.data.UID;
import io.tessera.dicom.io.TransferSyntax;
import io.tessera.dicom.net.PresentationContextPolicy;
import java.util.List;

/**
 * The SCP services of seed 001 §3.4 and the presentation contexts each one accepts. The endpoint names the ones it
 * serves ({@link DicomActivationSpec#getServices()}); the acceptance policy is their union.
 */
public enum DicomService {
    /** 001 §3.4.3: Verification, Implicit and Explicit VR Little Endian. */
    VERIFICATION {
        @Override
        void addTo(PresentationContextPolicy policy) {
            policy.accept(UID.VerificationSOPClass, NATIVE_COMMAND_SYNTAXES);
        }
    },
    /** 001 §3.4.1: every storage SOP class of the registry (Table 21, the SR classes of §3.4.1.6 and all others), Table 23 syntaxes. */
    STORAGE {
        @Override
        void addTo(PresentationContextPolicy policy) {
            String[] all = STORAGE_SYNTAXES.toArray(String[]::new);
            policy.accept(UID.storageSOPClasses(), all);
            // C-GET: the requestor is SCP of the storage classes on its own association (PS3.7 §D.3.3.4)
            for (String sopClass : UID.storageSOPClasses()) {
                policy.role(sopClass, true, true);
            }
        }
    },
    /** 001 §3.4.2, Table 25: the nine Query/Retrieve classes of Patient Root, Study Root and Patient/Study Only. */
    QUERY_RETRIEVE {
        @Override
        void addTo(PresentationContextPolicy policy) {
            List<String> classes = List.of(
                    UID.FINDPatientRootQueryRetrieveInformationModel, UID.MOVEPatientRootQueryRetrieveInformationModel,
                    UID.GETPatientRootQueryRetrieveInformationModel, UID.FINDStudyRootQueryRetrieveInformationModel,
                    UID.MOVEStudyRootQueryRetrieveInformationModel, UID.GETStudyRootQueryRetrieveInformationModel,
                    UID.RETIRED_FINDPatientStudyOnlyQueryRetrieveInformationModel,
                    UID.RETIRED_MOVEPatientStudyOnlyQueryRetrieveInformationModel,
                    UID.RETIRED_GETPatientStudyOnlyQueryRetrieveInformationModel);
            policy.accept(classes, NATIVE_COMMAND_SYNTAXES);
            // PS3.4 C.3.4: relational queries for C-FIND; relational retrieval for C-MOVE and C-GET
            for (String sopClass : classes) {
                policy.extendedNegotiation(sopClass, (byte) 1);
            }
        }
    },
    /** 001 §3.4.4: Detached Study Management notifications from the RIS. */
    DETACHED_STUDY_MANAGEMENT {
        @Override
        void addTo(PresentationContextPolicy policy) {
            policy.accept(UID.RETIRED_DetachedStudyManagementSOPClass, NATIVE_COMMAND_SYNTAXES);
        }
    },
    /** Modality Worklist Information Model – FIND. */
    MODALITY_WORKLIST {
        @Override
        void addTo(PresentationContextPolicy policy) {
            policy.accept(UID.FINDModalityWorklistInformationModel, NATIVE_COMMAND_SYNTAXES);
        }
    };

    /** For Verification, Q/R and Detached Study Management: Implicit VR LE and Explicit VR LE (001 §3.4). */
    static final String[] NATIVE_COMMAND_SYNTAXES = {
            TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()};

    /**
     * 001 §3.4.1.5, Table 23: the transfer syntaxes we accept for storage; a context proposing none of them is
     * rejected (reason 4). The data set is kept as received (Level 2), so these are also what we store.
     */
    static final List<String> STORAGE_SYNTAXES = List.of(
            TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
            TransferSyntax.JPEG_LOSSLESS_SV1.uid(), TransferSyntax.JPEG_LOSSLESS.uid(),
            TransferSyntax.JPEG_BASELINE.uid(), TransferSyntax.JPEG_EXTENDED.uid(), TransferSyntax.RLE_LOSSLESS.uid());

    abstract void addTo(PresentationContextPolicy policy);
}
