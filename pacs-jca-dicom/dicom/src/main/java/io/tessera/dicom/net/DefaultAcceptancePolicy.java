package io.tessera.dicom.net;

import io.tessera.dicom.data.UID;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The presentation contexts the product accepts, from its conformance statement (seed 001 §3.4): the storage
 * classes of Table 21, the SR classes of §3.4.1.6 and every other storage class of the registry with the transfer
 * syntaxes of Table 23; Verification; the nine Query/Retrieve classes of Table 25 (relational queries, §3.4.2);
 * Detached Study Management (§3.4.4) and Modality Worklist. Verification, Q/R and Detached Study Management take
 * Implicit VR LE and also Explicit VR LE. The first proposed transfer syntax we support wins unless the
 * administrator's preferred one is proposed (§3.4.1.5).
 */
public final class DefaultAcceptancePolicy {
    private DefaultAcceptancePolicy() {
    }

    /** 001 Table 23, in no particular order: the proposer's order decides. */
    public static final List<String> STORAGE_TRANSFER_SYNTAXES = List.of(UID.ImplicitVRLittleEndian,
            UID.ExplicitVRLittleEndian, UID.JPEGLosslessSV1, UID.JPEGLossless, UID.JPEGBaseline8Bit,
            UID.JPEGExtended12Bit, UID.RLELossless);

    /** 001 Table 21, named so the conformance table is visible in the code (all are also in the registry's list). */
    public static final List<String> TABLE_21 = List.of("1.2.840.10008.5.1.4.1.1.1", "1.2.840.10008.5.1.4.1.1.2",
            "1.2.840.10008.5.1.4.1.1.3", "1.2.840.10008.5.1.4.1.1.3.1", "1.2.840.10008.5.1.4.1.1.4",
            "1.2.840.10008.5.1.4.1.1.5", "1.2.840.10008.5.1.4.1.1.6", "1.2.840.10008.5.1.4.1.1.6.1",
            "1.2.840.10008.5.1.4.1.1.7", "1.2.840.10008.5.1.4.1.1.12.1", "1.2.840.10008.5.1.4.1.1.12.2",
            "1.2.840.10008.5.1.4.1.1.12.3", "1.2.840.10008.5.1.4.1.1.1.1", "1.2.840.10008.5.1.4.1.1.1.1.1",
            "1.2.840.10008.5.1.4.1.1.1.2", "1.2.840.10008.5.1.4.1.1.1.2.1", "1.2.840.10008.5.1.4.1.1.20",
            "1.2.840.10008.5.1.4.1.1.128", "1.2.840.10008.5.1.4.1.1.481.2", "1.2.840.10008.5.1.4.1.1.481.1",
            "1.2.840.10008.5.1.4.1.1.481.5", "1.2.840.10008.5.1.4.1.1.481.3", "1.2.840.10008.5.1.4.1.1.77.1.1",
            "1.2.840.10008.5.1.4.1.1.77.1.2", "1.2.840.10008.5.1.4.1.1.77.1.3", "1.2.840.10008.5.1.4.1.1.77.1.4");

    /** 001 §3.4.1.6: Basic Text, Enhanced and Comprehensive SR. */
    public static final List<String> SR = List.of(UID.BasicTextSRStorage, "1.2.840.10008.5.1.4.1.1.88.22",
            "1.2.840.10008.5.1.4.1.1.88.33");

    /** 001 Table 25: Patient Root, Study Root and Patient/Study Only, each FIND, MOVE and GET. */
    public static final List<String> QUERY_RETRIEVE = List.of(
            UID.FINDPatientRootQueryRetrieveInformationModel, UID.MOVEPatientRootQueryRetrieveInformationModel,
            UID.GETPatientRootQueryRetrieveInformationModel, UID.FINDStudyRootQueryRetrieveInformationModel,
            UID.MOVEStudyRootQueryRetrieveInformationModel, UID.GETStudyRootQueryRetrieveInformationModel,
            UID.RETIRED_FINDPatientStudyOnlyQueryRetrieveInformationModel,
            UID.RETIRED_MOVEPatientStudyOnlyQueryRetrieveInformationModel,
            UID.RETIRED_GETPatientStudyOnlyQueryRetrieveInformationModel);

    public static final String DETACHED_STUDY_MANAGEMENT = UID.RETIRED_DetachedStudyManagementSOPClass;
    public static final String MODALITY_WORKLIST = UID.FINDModalityWorklistInformationModel;

    private static final Set<String> STORAGE = computeStorageClasses();

    /** Every storage class we accept: Table 21, the SR classes and the rest of the registry. */
    public static Set<String> storageClasses() {
        return STORAGE;
    }

    private static Set<String> computeStorageClasses() {
        Set<String> s = new LinkedHashSet<>(TABLE_21);
        s.addAll(SR);
        s.addAll(UID.storageSOPClasses());
        return java.util.Collections.unmodifiableSet(s);
    }

    /**
     * @param preferredTransferSyntax the administrator's preferred storage transfer syntax, or null
     */
    public static PresentationContextPolicy create(String preferredTransferSyntax) {
        PresentationContextPolicy p = new PresentationContextPolicy();
        String[] storageTs = STORAGE_TRANSFER_SYNTAXES.toArray(new String[0]);
        for (String cuid : storageClasses()) {
            p.accept(cuid, storageTs);
            p.role(cuid, true, true); // a C-GET requestor is the storage SCP on its association (PS3.4 §C.4.3.1)
        }
        String[] plain = {UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian};
        p.accept(UID.VerificationSOPClass, plain);
        for (String qr : QUERY_RETRIEVE) {
            p.accept(qr, plain);
            p.extendedNegotiation(qr, (byte) 1); // 001 §3.4.2: relational queries (retrieval) supported
        }
        p.accept(DETACHED_STUDY_MANAGEMENT, plain);
        // 001 §3.4.4: the RIS sends N-EVENT-REPORT as the SCP of the class on the association it opens
        p.role(DETACHED_STUDY_MANAGEMENT, true, true);
        p.accept(MODALITY_WORKLIST, plain);
        p.preferredTransferSyntax(preferredTransferSyntax);
        return p;
    }
}
