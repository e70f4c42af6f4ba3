package io.tessera.pacs.web;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.browse.BrowseService;
import io.tessera.pacs.browse.InstanceView;
import io.tessera.pacs.browse.SrNode;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** A Structured Report as a document (/sr.xhtml?uid=…): headings, text, codes, measurements, image links. */
@Named
@ViewScoped
public class SrPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private BrowseService browse;

    private InstanceView instance;
    private List<SrNode> nodes = List.of();
    private String error;

    @PostConstruct
    public void open() {
        String uid = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("uid");
        instance = uid == null ? null : browse.instance(uid);
        if (instance != null) {
            try {
                List<SrNode> read = browse.structuredReport(uid);
                nodes = read == null ? List.of() : read;
            } catch (InvalidRequestException e) {
                error = e.getMessage();
            }
        }
    }

    /** Indentation of a content item, in rem. */
    public double indent(SrNode n) {
        return Math.min(n.getDepth(), 12) * 1.5;
    }

    public InstanceView getInstance() {
        return instance;
    }

    public List<SrNode> getNodes() {
        return nodes;
    }

    public String getError() {
        return error;
    }
}
