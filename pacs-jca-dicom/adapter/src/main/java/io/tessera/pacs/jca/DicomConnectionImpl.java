package io.tessera.pacs.jca;

import io.tessera.dicom.net.dimse.DimseRequestHandler;
import io.tessera.dicom.net.dimse.Scu;
import io.tessera.dicom.net.pdu.AAssociateRq;
import java.io.IOException;

/** The handle a component holds; it delegates to whichever managed connection the container associates it with. */
public class DicomConnectionImpl implements DicomConnection {
    private DicomManagedConnection mc;

    DicomConnectionImpl(DicomManagedConnection mc) {
        this.mc = mc;
    }

    void associate(DicomManagedConnection mc) {
        this.mc = mc;
    }

    void invalidate() {
        this.mc = null;
    }

    @Override
    public String localAeTitle() {
        return managed().localAeTitle();
    }

    @Override
    public Scu open(String host, int port, AAssociateRq rq, DimseRequestHandler incoming) throws IOException {
        return managed().open(host, port, rq, incoming);
    }

    @Override
    public void close() {
        DicomManagedConnection m = mc;
        if (m != null) {
            mc = null;
            m.closed(this);
        }
    }

    private DicomManagedConnection managed() {
        DicomManagedConnection m = mc;
        if (m == null) {
            throw new IllegalStateException("This DICOM connection is closed");
        }
        return m;
    }
}
