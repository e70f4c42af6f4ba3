package io.tessera.pacs.admin;

import io.tessera.dicom.data.UID;
import io.tessera.dicom.io.TransferSyntax;
import io.tessera.dicom.net.AssociationRejectedException;
import io.tessera.dicom.net.dimse.DimseResponse;
import io.tessera.dicom.net.dimse.Scu;
import io.tessera.dicom.net.dimse.Status;
import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.pacs.jca.DicomConnection;
import io.tessera.pacs.jca.DicomConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.logging.Logger;

/**
 * Verification SOP Class as SCU (PS3.4 Annex A; 001 §3.3.2, the console's Ping): one association with one
 * Verification context, a C-ECHO, a release. The answer says exactly what happened, in words an administrator can
 * act on.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class VerificationScu {
    private static final Logger LOG = Logger.getLogger(VerificationScu.class.getName());

    @Resource(lookup = DicomConnectionFactory.JNDI_NAME)
    private DicomConnectionFactory dicom;

    public EchoResult echo(ApplicationEntityData ae) {
        if (!ae.isReachable()) {
            return new EchoResult(ae.getTitle(), false, "No host and port are set for " + ae.getTitle() + ".", 0);
        }
        long start = System.nanoTime();
        EchoResult result;
        try (DicomConnection connection = dicom.getConnection()) {
            AAssociateRq rq = new AAssociateRq();
            rq.calledAeTitle(ae.getTitle());
            rq.addPresentationContext(UID.VerificationSOPClass, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid(),
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
            try (Scu scu = connection.open(ae.getHost(), ae.getPort(), rq)) {
                DimseResponse rsp = scu.echo();
                long ms = millisSince(start);
                result = rsp.status() == Status.SUCCESS
                        ? new EchoResult(ae.getTitle(), true, "Success: C-ECHO answered in " + ms + " ms", ms)
                        : new EchoResult(ae.getTitle(), false, String.format("C-ECHO failed with status %04XH (%s)%s",
                        rsp.status(), Status.meaning(rsp.status()),
                        rsp.errorComment() == null ? "" : ": " + rsp.errorComment()), ms);
            }
        } catch (AssociationRejectedException e) {
            result = failure(ae, start, "Association rejected by " + ae.getTitle() + ": " + e.reject());
        } catch (ConnectException e) {
            result = failure(ae, start, "Connection refused at " + ae.getHost() + ":" + ae.getPort()
                    + " (nothing listening, or a firewall)");
        } catch (UnknownHostException e) {
            result = failure(ae, start, "Unknown host " + ae.getHost());
        } catch (SocketTimeoutException e) {
            result = failure(ae, start, "No answer from " + ae.getHost() + ":" + ae.getPort() + " in time: " + e.getMessage());
        } catch (IOException e) {
            result = failure(ae, start, "C-ECHO to " + ae.getTitle() + " failed: " + e.getMessage());
        } catch (jakarta.resource.ResourceException e) {
            result = failure(ae, start, "No DICOM connection available: " + e.getMessage());
        }
        EchoResult r = result;
        LOG.info(() -> "C-ECHO " + ae.getTitle() + " at " + ae.getHost() + ":" + ae.getPort() + ": " + r.getMessage());
        return result;
    }

    private static EchoResult failure(ApplicationEntityData ae, long start, String message) {
        return new EchoResult(ae.getTitle(), false, message, millisSince(start));
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
