package io.tessera.pacs.dimse;

import io.tessera.dicom.net.dimse.Dimse;
import io.tessera.dicom.net.dimse.DimseRequest;
import io.tessera.dicom.net.dimse.DimseServiceRegistry;
import io.tessera.dicom.net.dimse.Responder;
import io.tessera.pacs.admin.ApplicationEntityRegistry;
import io.tessera.pacs.query.CFindScp;
import io.tessera.pacs.query.InformationModel;
import io.tessera.pacs.retrieve.CGetScp;
import io.tessera.pacs.retrieve.CMoveScp;
import io.tessera.pacs.store.CStoreScp;
import io.tessera.pacs.store.StorageSettings;
import io.tessera.pacs.jca.DicomMessageListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.logging.Logger;
import org.jboss.ejb3.annotation.ResourceAdapter;

/**
 * The message-driven bean on the DICOM resource adapter (ARCHITECTURE.md, "dimse"): decides who may associate
 * (001 §2.2) and dispatches each DIMSE request to the capability that serves its SOP class. The services listed in
 * {@code services} are the ones whose presentation contexts the adapter accepts; each capability issue adds its own.
 *
 * <p>Bean-managed transactions: a request (a C-STORE streaming a large object, a C-MOVE) can outlast any sensible
 * transaction timeout, so each capability runs its own short transactions.
 */
@MessageDriven(messageListenerInterface = DicomMessageListener.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "services", propertyValue = "VERIFICATION,STORAGE,QUERY_RETRIEVE")})
@ResourceAdapter("pacs-ear.ear#pacs-jca-dicom.rar")
@TransactionManagement(TransactionManagementType.BEAN)
public class DimseEndpoint implements DicomMessageListener {
    private static final Logger LOG = Logger.getLogger(DimseEndpoint.class.getName());

    /** Verification (PS3.4 Annex A) is built into the registry; requests nothing serves get 0122H / 0211H. */
    private static final DimseServiceRegistry SERVICES = new DimseServiceRegistry();

    @EJB
    private ApplicationEntityRegistry applicationEntities;

    @EJB
    private CStoreScp storage;

    @EJB
    private StorageSettings storageSettings;

    @EJB
    private CFindScp query;

    @EJB
    private CMoveScp move;

    @EJB
    private CGetScp get;

    @Override
    public boolean isAllowed(String callingAeTitle, String calledAeTitle, InetSocketAddress remote) {
        boolean allowed = applicationEntities.isAllowed(callingAeTitle);
        LOG.fine(() -> "Association request " + callingAeTitle + " → " + calledAeTitle + " from " + remote
                + (allowed ? ": allowed" : ": refused"));
        return allowed;
    }

    @Override
    public String preferredTransferSyntax() {
        return storageSettings.getPreferredTransferSyntax();
    }

    @Override
    public void associationClosed(io.tessera.dicom.net.Association association) {
        storage.associationClosed(association);
    }

    @Override
    public void onRequest(DimseRequest request, Responder responder) throws IOException {
        if (request.commandField() == Dimse.C_STORE_RQ) {
            storage.store(request, responder); // 001 §3.4.1: the adapter accepted only storage classes for C-STORE
            return;
        }
        if (request.commandField() == Dimse.C_FIND_RQ && InformationModel.ofFind(request.abstractSyntax()) != null) {
            query.find(request, responder); // 001 §3.4.2: Patient Root, Study Root, Patient/Study Only
            return;
        }
        if (request.commandField() == Dimse.C_MOVE_RQ) {
            move.move(request, responder); // 001 §3.3.3, §3.4.2.3
            return;
        }
        if (request.commandField() == Dimse.C_GET_RQ) {
            get.get(request, responder);
            return;
        }
        SERVICES.onRequest(request, responder);
    }
}
