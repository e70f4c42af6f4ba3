package io.tessera.pacs.query;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.net.dimse.Commands;
import io.tessera.dicom.net.dimse.DimseRequest;
import io.tessera.dicom.net.dimse.Responder;
import io.tessera.dicom.net.dimse.Status;
import io.tessera.dicom.net.pdu.AAssociateAc;
import io.tessera.dicom.net.pdu.ExtendedNegotiation;
import io.tessera.dicom.text.MatchKey;
import io.tessera.pacs.domain.IndexDatabase;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The C-FIND SCP of 001 §3.4.2 for Patient Root, Study Root and Patient/Study Only (Table 25), keys of Tables 27/28,
 * statuses of Table 29.
 *
 * <p>One SQL statement per request ({@link FindQuery}), its rows streamed with a JDBC cursor and each match sent as a
 * pending response while the next rows are read: the result is never held in memory. C-CANCEL is checked before every
 * response and cancels a statement still executing; it ends the request with FE00.
 *
 * <p>No JTA transaction: a C-FIND lasts as long as the peer takes to read its matches, which no transaction timeout
 * should bound. The statement runs on its own connection with auto-commit off (PostgreSQL streams a cursor only so)
 * and is rolled back, as it changes nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CFindScp {
    private static final Logger LOG = Logger.getLogger(CFindScp.class.getName());
    private static final int FETCH_SIZE = 200;
    /** PS3.4 C.2.2.2.1 allows PN matching either way; archives usually ignore case. */
    static final String CASE_SENSITIVE_NAMES_PROPERTY = "tessera.query.pn.caseSensitive";

    @Resource(lookup = "java:jboss/datasources/PacsDS")
    private DataSource dataSource;

    @EJB
    private QueryRetrieveStatistics statistics;

    public void find(DimseRequest rq, Responder responder) throws IOException {
        statistics.queried();
        String callingAe = rq.association().callingAeTitle();
        InformationModel model = InformationModel.ofFind(rq.abstractSyntax());
        if (model == null) {
            fail(rq, responder, Status.SOP_CLASS_NOT_SUPPORTED, "not a C-FIND Query/Retrieve SOP class: " + rq.abstractSyntax());
            return;
        }
        FindQuery query;
        try {
            Attributes identifier = rq.readDataSet();
            byte[] negotiated = extendedNegotiation(rq);
            // PS3.4 C.3.4: byte 0 relational queries (evaluated as hierarchical ones are, see FindQuery), byte 1
            // combined date-time matching
            query = FindQuery.parse(identifier, model, negotiated.length > 1 && negotiated[1] == 1, personNameCase(),
                    System.getProperty("tessera.dicom.aetitle", "TESSERA"));
            LOG.fine(() -> "C-FIND from " + callingAe + (negotiated.length > 0 && negotiated[0] == 1 ? " (relational): "
                    : ": ") + query);
        } catch (FindQuery.IdentifierException e) {
            fail(rq, responder, e.status(), e.getMessage());
            return;
        } catch (IOException e) {
            fail(rq, responder, Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "Unreadable identifier: " + e.getMessage());
            return;
        }
        run(rq, responder, query);
    }

    private void run(DimseRequest rq, Responder responder, FindQuery query) throws IOException {
        long matches = 0;
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            fail(rq, responder, Status.OUT_OF_RESOURCES, "No database connection available: " + e.getMessage());
            return;
        }
        int status;
        String comment = null;
        try (connection) {
            connection.setAutoCommit(false);
            boolean lazy = lazyOnH2(connection, true);
            try (PreparedStatement ps = connection.prepareStatement(query.sql(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH_SIZE);
                query.bind(ps);
                rq.onCancel(() -> cancel(ps));
                if (rq.isCanceled()) {
                    status = Status.CANCEL;
                } else {
                    try (ResultSet rs = ps.executeQuery()) {
                        int pending = query.pendingStatus();
                        status = Status.SUCCESS;
                        while (rs.next()) {
                            if (rq.isCanceled()) {
                                status = Status.CANCEL;
                                break;
                            }
                            Attributes match = query.response(rs);
                            if (match != null) {
                                responder.pending(pending, null, match);
                                matches++;
                            }
                        }
                    }
                }
            } finally {
                connection.rollback();
                if (lazy) {
                    lazyOnH2(connection, false); // the pooled connection goes back as it came
                }
            }
        } catch (SQLException e) {
            if (rq.isCanceled()) {
                status = Status.CANCEL;
            } else if (isOutOfResources(e)) {
                status = Status.OUT_OF_RESOURCES;
                comment = "Out of resources: " + e.getMessage();
            } else {
                status = Status.UNABLE_TO_PROCESS;
                comment = "Unable to process: " + e.getMessage();
            }
            if (status != Status.CANCEL) {
                LOG.log(Level.WARNING, "C-FIND " + query + " from " + rq.association().callingAeTitle() + " failed", e);
            }
        } catch (OutOfMemoryError e) {
            status = Status.OUT_OF_RESOURCES;
            comment = "Out of memory";
        }
        statistics.matched(matches);
        if (status == Status.CANCEL) {
            statistics.queryCanceled();
            responder.respond(Status.CANCEL);
            LOG.fine(() -> "C-FIND canceled by " + rq.association().callingAeTitle());
        } else if (status == Status.SUCCESS) {
            responder.respond(Status.SUCCESS);
        } else {
            fail(rq, responder, status, comment);
        }
    }

    /**
     * H2 computes a whole result before it returns the first row, unless the session executes lazily: then each
     * {@code next()} reads the next matching row. A C-FIND's first pending response then leaves as soon as the first
     * row is read and the database work on the next rows overlaps the peer reading the earlier ones, instead of all
     * of it running before any response, and no copy of the result is kept (bench/scale, 1 M instances, JFR: H2's
     * executeQuery was over half of the C-FIND thread's time, all of it before the first response; lazily the
     * thread's time per match fell by a third). PostgreSQL streams with a cursor already (fetch size, auto-commit off).
     *
     * @return whether the setting was changed (the connection is H2's)
     */
    private static boolean lazyOnH2(Connection connection, boolean on) throws SQLException {
        if (IndexDatabase.of(connection) != IndexDatabase.H2) {
            return false;
        }
        try (Statement st = connection.createStatement()) {
            st.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
        return true;
    }

    private void fail(DimseRequest rq, Responder responder, int status, String comment) throws IOException {
        statistics.queryFailed(status);
        LOG.log(status == Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS ? Level.INFO : Level.WARNING,
                () -> String.format("C-FIND from %s answered %04XH: %s", rq.association().callingAeTitle(), status, comment));
        responder.respond(status, Commands.errorComment(new Attributes(), cut(comment)), null);
    }

    /** Error Comment is LO: 64 characters at most. */
    private static String cut(String s) {
        return s == null ? "" : s.length() <= 64 ? s : s.substring(0, 64);
    }

    private static void cancel(PreparedStatement ps) {
        try {
            ps.cancel();
        } catch (SQLException | RuntimeException e) {
            // finished or closed meanwhile: the loop sees isCanceled()
        }
    }

    /**
     * Pool exhausted (IronJacamar "Unable to get managed connection"), connection failures (SQLState class 08) and
     * PostgreSQL's insufficient resources (class 53): A700; anything else is C000.
     */
    private static boolean isOutOfResources(SQLException e) {
        String state = e.getSQLState();
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return state != null && (state.startsWith("08") || state.startsWith("53"))
                || message.contains("unable to get managed connection") || message.contains("out of memory");
    }

    /** The extended negotiation we accepted for the request's SOP class (PS3.7 §D.3.3.5); empty when none. */
    private static byte[] extendedNegotiation(DimseRequest rq) {
        AAssociateAc ac = rq.association().acceptance();
        ExtendedNegotiation en = ac == null ? null : ac.userInformation().extendedNegotiation(rq.abstractSyntax());
        return en == null ? new byte[0] : en.info();
    }

    private static MatchKey.CaseRule personNameCase() {
        return Boolean.getBoolean(CASE_SENSITIVE_NAMES_PROPERTY) ? MatchKey.CaseRule.SENSITIVE : MatchKey.CaseRule.INSENSITIVE;
    }
}
