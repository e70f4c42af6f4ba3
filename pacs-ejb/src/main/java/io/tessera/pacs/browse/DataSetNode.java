package io.tessera.pacs.browse;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One node of a data set shown as an attribute tree: an element (tag "(gggg,eeee)", keyword, VR, value as text) or a
 * sequence item (tag empty, keyword "Item n"); a sequence's items and an item's elements are its children.
 */
public class DataSetNode implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String tag;
    private final String keyword;
    private final String vr;
    private final String value;
    private final List<DataSetNode> children = new ArrayList<>();

    public DataSetNode(String tag, String keyword, String vr, String value) {
        this.tag = tag;
        this.keyword = keyword;
        this.vr = vr;
        this.value = value;
    }

    public String getTag() {
        return tag;
    }

    public String getKeyword() {
        return keyword;
    }

    public String getVr() {
        return vr;
    }

    public String getValue() {
        return value;
    }

    public List<DataSetNode> getChildren() {
        return children;
    }
}
