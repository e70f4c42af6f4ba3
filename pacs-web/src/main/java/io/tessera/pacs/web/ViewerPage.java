package io.tessera.pacs.web;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.browse.BrowseService;
import io.tessera.pacs.browse.DataSetNode;
import io.tessera.pacs.browse.InstanceView;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

/**
 * The image viewer (/viewer.xhtml?uid=…): one frame of one instance through the rendered-image servlet, window
 * presets and a free window, frames and the series' other images by buttons.
 */
@Named
@ViewScoped
public class ViewerPage implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Window presets: name, center, width (in modality values, e.g. Hounsfield units for CT). */
    public static final class Preset implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String id;
        private final String name;
        private final double center;
        private final double width;

        Preset(String id, String name, double center, double width) {
            this.id = id;
            this.name = name;
            this.center = center;
            this.width = width;
        }

        public String getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public double getCenter() {
            return center;
        }

        public double getWidth() {
            return width;
        }
    }

    private static final List<Preset> PRESETS = List.of(new Preset("soft-tissue", "Soft tissue", 40, 400),
            new Preset("lung", "Lung", -600, 1500), new Preset("bone", "Bone", 400, 1800),
            new Preset("brain", "Brain", 40, 80));

    @EJB
    private BrowseService browse;

    private String uid;
    private InstanceView instance;
    private List<String> seriesUids = List.of();
    private int frame = 1;
    private Double center;
    private Double width;
    private boolean minMax;
    private TreeNode<DataSetNode> dataSet;
    private String dataSetError;

    /** The uid (and frame) request parameters of the GET that opened the view. */
    @jakarta.annotation.PostConstruct
    public void load() {
        Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        uid = parameters.get("uid");
        try {
            frame = parameters.get("frame") == null ? 1 : Integer.parseInt(parameters.get("frame"));
        } catch (NumberFormatException e) {
            frame = 1;
        }
        instance = uid == null ? null : browse.instance(uid);
        seriesUids = instance == null ? List.of() : browse.instanceUids(instance.getSeriesInstanceUid());
        if (instance != null && (frame < 1 || frame > instance.getFrames())) {
            frame = 1;
        }
    }

    /** The instance's data set as a tree (all nodes expanded), read on first use. */
    public TreeNode<DataSetNode> getDataSet() {
        if (dataSet == null && instance != null) {
            dataSet = new DefaultTreeNode<>(new DataSetNode("", "", "", ""), null);
            try {
                List<DataSetNode> nodes = browse.dataSet(instance.getSopInstanceUid());
                if (nodes != null) {
                    add(dataSet, nodes);
                }
            } catch (InvalidRequestException e) {
                dataSetError = e.getMessage();
            }
        }
        return dataSet;
    }

    private static void add(TreeNode<DataSetNode> parent, List<DataSetNode> nodes) {
        for (DataSetNode n : nodes) {
            TreeNode<DataSetNode> child = new DefaultTreeNode<>(n, parent);
            child.setExpanded(true);
            add(child, n.getChildren());
        }
    }

    public String getDataSetError() {
        return dataSetError;
    }

    public String getImageUrl() {
        if (instance == null) {
            return "";
        }
        StringBuilder url = new StringBuilder(FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath())
                .append("/rendered/").append(URLEncoder.encode(instance.getSopInstanceUid(), StandardCharsets.UTF_8))
                .append("?frame=").append(frame);
        if (center != null && width != null) {
            url.append("&wc=").append(center).append("&ww=").append(width);
        } else if (minMax) {
            url.append("&voi=minmax");
        }
        return url.toString();
    }

    public void nextFrame() {
        if (instance != null && frame < instance.getFrames()) {
            frame++;
        }
    }

    public void previousFrame() {
        if (frame > 1) {
            frame--;
        }
    }

    public void firstFrame() {
        frame = 1;
    }

    public void lastFrame() {
        if (instance != null) {
            frame = instance.getFrames();
        }
    }

    public void preset(Preset p) {
        center = p.getCenter();
        width = p.getWidth();
        minMax = false;
    }

    public void defaultWindow() {
        center = null;
        width = null;
        minMax = false;
    }

    public void fullRange() {
        center = null;
        width = null;
        minMax = true;
    }

    /** The SOP Instance UID of the series' previous or next image (by instance number), or null at the ends. */
    public String neighbour(int step) {
        int i = seriesUids.indexOf(uid);
        int j = i + step;
        return i < 0 || j < 0 || j >= seriesUids.size() ? null : seriesUids.get(j);
    }

    public boolean hasNeighbour(int step) {
        int i = seriesUids.indexOf(uid);
        return i >= 0 && i + step >= 0 && i + step < seriesUids.size();
    }

    public String getPosition() {
        return (seriesUids.indexOf(uid) + 1) + " of " + seriesUids.size();
    }

    public List<Preset> getPresets() {
        return PRESETS;
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    public InstanceView getInstance() {
        return instance;
    }

    public int getFrame() {
        return frame;
    }

    public void setFrame(int frame) {
        this.frame = frame;
    }

    public Double getCenter() {
        return center;
    }

    public void setCenter(Double center) {
        this.center = center;
    }

    public Double getWidth() {
        return width;
    }

    public void setWidth(Double width) {
        this.width = width;
    }

    public String getWindowText() {
        return center != null && width != null ? "C " + fmt(center) + " / W " + fmt(width) : minMax ? "full range" : "default";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
