package io.tessera.dicom.net;

import io.tessera.dicom.net.pdu.AAssociateAc;
import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.dicom.net.pdu.ExtendedNegotiation;
import io.tessera.dicom.net.pdu.PresentationContextAc;
import io.tessera.dicom.net.pdu.PresentationContextRq;
import io.tessera.dicom.net.pdu.RoleSelection;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which abstract syntaxes we accept, with which transfer syntaxes and roles, and how we answer extended
 * negotiation: the acceptor's half of PS3.8 §9.3.3.2 and PS3.7 §D.3.3.4–5.
 *
 * <p>001 §3.4.1.5: for each context the first transfer syntax in the proposer's list that we support is chosen,
 * unless a preferred transfer syntax is configured and proposed. A context we cannot serve is rejected on its own
 * (reason 3 or 4), never the whole association (001 §3.4.1.4).
 */
public final class PresentationContextPolicy {

    private final Map<String, List<String>> acceptable = new LinkedHashMap<>();
    private final Map<String, RoleSelection> roles = new HashMap<>();
    private final Map<String, byte[]> extendedNegotiation = new HashMap<>();
    private String preferredTransferSyntax;

    /** Accepts {@code abstractSyntax} with any of {@code transferSyntaxes} (proposer's order decides). */
    public PresentationContextPolicy accept(String abstractSyntax, String... transferSyntaxes) {
        acceptable.put(abstractSyntax, List.of(transferSyntaxes));
        return this;
    }

    public PresentationContextPolicy accept(Collection<String> abstractSyntaxes, String... transferSyntaxes) {
        for (String as : abstractSyntaxes) {
            accept(as, transferSyntaxes);
        }
        return this;
    }

    public boolean accepts(String abstractSyntax) {
        return acceptable.containsKey(abstractSyntax);
    }

    /** 001 §3.4.1.5: the administrator's preferred transfer syntax, chosen whenever proposed and supported. */
    public PresentationContextPolicy preferredTransferSyntax(String ts) {
        this.preferredTransferSyntax = ts;
        return this;
    }

    public String preferredTransferSyntax() {
        return preferredTransferSyntax;
    }

    /**
     * The roles the requestor may take for {@code sopClass} (PS3.7 §D.3.3.4); without an entry the requestor is
     * SCU only. E.g. storage classes allow requestor-SCP for C-GET.
     */
    public PresentationContextPolicy role(String sopClass, boolean requestorMayBeScu, boolean requestorMayBeScp) {
        roles.put(sopClass, new RoleSelection(sopClass, requestorMayBeScu, requestorMayBeScp));
        return this;
    }

    /**
     * What we support of the SOP Class Extended Negotiation for {@code sopClass} (PS3.7 §D.3.3.5; for Q/R PS3.4
     * §C.3.4: byte 0 relational queries, 1 date-time matching, 2 fuzzy matching, 3 timezone adjustment).
     * The answer is, byte by byte, the proposal and'ed with this.
     */
    public PresentationContextPolicy extendedNegotiation(String sopClass, byte... supported) {
        extendedNegotiation.put(sopClass, supported.clone());
        return this;
    }

    /** Fills {@code ac} with one result per proposed context, the role selections and extended negotiation. */
    public void negotiate(AAssociateRq rq, AAssociateAc ac) {
        for (PresentationContextRq pc : rq.presentationContexts()) {
            ac.presentationContexts().add(negotiate(pc));
        }
        for (RoleSelection proposed : rq.userInformation().roleSelections()) {
            RoleSelection allowed = roles.getOrDefault(proposed.sopClass(),
                    new RoleSelection(proposed.sopClass(), true, false));
            ac.userInformation().roleSelections().add(new RoleSelection(proposed.sopClass(),
                    proposed.scu() && allowed.scu(), proposed.scp() && allowed.scp()));
        }
        for (ExtendedNegotiation proposed : rq.userInformation().extendedNegotiations()) {
            byte[] ours = extendedNegotiation.get(proposed.sopClass());
            if (ours == null) {
                continue; // PS3.7 §D.3.3.5: no answer item means not supported
            }
            byte[] theirs = proposed.info();
            byte[] answer = new byte[Math.min(theirs.length, ours.length)];
            for (int i = 0; i < answer.length; i++) {
                answer[i] = (byte) (theirs[i] & ours[i]);
            }
            ac.userInformation().extendedNegotiations().add(new ExtendedNegotiation(proposed.sopClass(), answer));
        }
    }

    /** The result for one proposed context. */
    public PresentationContextAc negotiate(PresentationContextRq pc) {
        List<String> supported = acceptable.get(pc.abstractSyntax());
        if (supported == null) {
            return new PresentationContextAc(pc.id(), PresentationContextAc.ABSTRACT_SYNTAX_NOT_SUPPORTED,
                    pc.transferSyntaxes().get(0));
        }
        if (preferredTransferSyntax != null && pc.transferSyntaxes().contains(preferredTransferSyntax)
                && supported.contains(preferredTransferSyntax)) {
            return new PresentationContextAc(pc.id(), PresentationContextAc.ACCEPTANCE, preferredTransferSyntax);
        }
        for (String ts : pc.transferSyntaxes()) {
            if (supported.contains(ts)) {
                return new PresentationContextAc(pc.id(), PresentationContextAc.ACCEPTANCE, ts);
            }
        }
        return new PresentationContextAc(pc.id(), PresentationContextAc.TRANSFER_SYNTAXES_NOT_SUPPORTED,
                pc.transferSyntaxes().get(0));
    }

    /** The role the requestor takes for {@code sopClass} on an association answered by {@code ac}. */
    public static RoleSelection negotiatedRole(AAssociateAc ac, String sopClass) {
        RoleSelection r = ac.userInformation().roleSelection(sopClass);
        return r == null ? new RoleSelection(sopClass, true, false) : r;
    }
}
