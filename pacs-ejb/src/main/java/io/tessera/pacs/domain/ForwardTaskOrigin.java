package io.tessera.pacs.domain;

/** Who asked for a forward task: the automatic routing table (001 §3.3.5) or a console user (001 §3.3.4). */
public enum ForwardTaskOrigin {
    ROUTE, FORWARD
}
