package io.tessera.dicom.net.dimse;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes requests to handlers by SOP class (Affected or Requested SOP Class UID), then by command field.
 * The Verification SCP (PS3.4 Annex A: C-ECHO answered with success) is built in. A request nothing serves gets
 * SOP Class Not Supported (0122H) for C-STORE and Unrecognized Operation (0211H) otherwise.
 */
public final class DimseServiceRegistry implements DimseRequestHandler {

    private final Map<String, DimseRequestHandler> bySopClass = new ConcurrentHashMap<>();
    private final Map<Integer, DimseRequestHandler> byCommand = new ConcurrentHashMap<>();

    public DimseServiceRegistry() {
        byCommand.put(Dimse.C_ECHO_RQ, (rq, rsp) -> rsp.respond(Status.SUCCESS));
    }

    public DimseServiceRegistry add(DimseRequestHandler handler, String... sopClasses) {
        for (String s : sopClasses) {
            bySopClass.put(s, handler);
        }
        return this;
    }

    public DimseServiceRegistry addForCommand(int commandField, DimseRequestHandler handler) {
        byCommand.put(commandField, handler);
        return this;
    }

    @Override
    public void onRequest(DimseRequest request, Responder responder) throws IOException {
        DimseRequestHandler h = null;
        String cuid = request.sopClassUid();
        if (cuid != null) {
            h = bySopClass.get(cuid);
        }
        if (h == null) {
            h = byCommand.get(request.commandField());
        }
        if (h != null) {
            h.onRequest(request, responder);
        } else {
            responder.respond(request.commandField() == Dimse.C_STORE_RQ ? Status.SOP_CLASS_NOT_SUPPORTED
                    : Status.UNRECOGNIZED_OPERATION);
        }
    }
}
