package io.tessera.pacs.query;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.ElementDictionary;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.net.dimse.Status;
import io.tessera.dicom.text.MatchKey;
import io.tessera.dicom.text.SpecificCharacterSet;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One C-FIND identifier (PS3.4 C.4.1.2) made into one SQL statement over the index and the responses built from
 * its rows.
 *
 * <p>The statement selects only the columns of the requested and matched keys, joins from the Query/Retrieve level's
 * table up to the patient, and carries a condition for each key that SQL can decide on an indexed column, with every
 * value bound as a parameter. Where SQL cannot decide a key exactly (person names per component group, times stored
 * as received, decimal strings, ranges of combined date-time), its condition is a superset of the matches (or none)
 * and {@link #response} applies the key's {@link MatchKey} to the row: the matches are exactly what
 * {@link MatchKey#matches} says.
 *
 * <p>Hierarchical and relational identifiers (PS3.4 C.4.1.2.1/C.4.1.2.2) are evaluated the same, leniently: keys of
 * the levels above the Query/Retrieve level are matched whatever their kind, a missing unique key of a higher level is
 * universal matching (dcmtk's findscu, which cannot negotiate relational queries, sends such identifiers), and keys of
 * levels below the Query/Retrieve level are ignored and not returned.
 */
final class FindQuery {

    /** The identifier does not fit the model or level, or holds a key value the standard does not allow (A900). */
    static final class IdentifierException extends Exception {
        private final int status;

        IdentifierException(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private static final ElementDictionary DICTIONARY = ElementDictionary.standard();

    private final InformationModel model;
    private final QueryLevel level;
    private final String retrieveAeTitle;
    private final SpecificCharacterSet requestCharset;
    private final Set<QueryKey> returnKeys = EnumSet.noneOf(QueryKey.class);
    /** Non-universal keys and the MatchKey that decides them on a row. */
    private final Map<QueryKey, MatchKey> matching = new EnumMap<>(QueryKey.class);
    /** Combined date-time matching (when negotiated): the date key → the combined key; its time key is in here too. */
    private final Map<QueryKey, MatchKey> dateTimes = new EnumMap<>(QueryKey.class);
    private List<MatchKey> modalities;
    private boolean instanceAvailability;
    private boolean unsupportedKeys;
    private final Map<QueryKey, Integer> columns = new LinkedHashMap<>();
    private final List<Object> parameters = new ArrayList<>();
    /** A one-group Patient's Name key (any stored group may match): its LIKE prefix and where its parameters go. */
    private String anyGroupLike;
    private int anyGroupParameter;
    private String sql;
    /**
     * What {@link #response} does per row, decided once per query (a C-FIND may have thousands of matches): the
     * column of each key, whether it is read as an integer, the return keys in tag order (so a response is built
     * mostly by appending) and the MatchKeys SQL could not decide, with their columns.
     */
    private boolean[] integerColumn;
    private QueryKey[] returned;
    private int[] returnedColumn;
    private boolean[] returnedText;
    private MatchKey[] rowMatch;
    private int[] rowMatchColumn;
    private MatchKey[] rowDateTime;
    private int[] rowDateColumn;
    private int[] rowTimeColumn;
    private int modalitiesColumn;

    private FindQuery(InformationModel model, QueryLevel level, String retrieveAeTitle, SpecificCharacterSet requestCharset) {
        this.model = model;
        this.level = level;
        this.retrieveAeTitle = retrieveAeTitle;
        this.requestCharset = requestCharset;
    }

    /**
     * @param combinedDateTime whether combined date-time matching was negotiated (PS3.4 C.3.4, byte 2): then a Study
     *                         Date and a Study Time key (and the series and instance pairs) are one period
     */
    static FindQuery parse(Attributes identifier, InformationModel model, boolean combinedDateTime,
                           MatchKey.CaseRule personNames, String retrieveAeTitle) throws IdentifierException {
        if (identifier == null) {
            throw new IdentifierException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "C-FIND request without identifier");
        }
        String levelValue = identifier.getString(Tag.QueryRetrieveLevel);
        if (levelValue == null) {
            throw new IdentifierException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                    "Query/Retrieve Level (0008,0052) missing");
        }
        QueryLevel level = QueryLevel.of(levelValue);
        if (level == null || !model.hasLevel(level)) {
            throw new IdentifierException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "Query/Retrieve Level '"
                    + levelValue + "' is not one of " + model.levels() + " of the " + model + " information model");
        }
        FindQuery q = new FindQuery(model, level, retrieveAeTitle, identifier.contains(Tag.SpecificCharacterSet)
                ? identifier.specificCharacterSet() : null);
        q.readKeys(identifier, combinedDateTime, personNames);
        q.buildSql();
        return q;
    }

    QueryLevel level() {
        return level;
    }

    InformationModel model() {
        return model;
    }

    /** FF01 instead of FF00: the identifier had optional keys we neither match nor return (PS3.4 C.4.1.1.4). */
    int pendingStatus() {
        return unsupportedKeys ? Status.PENDING_WARNING : Status.PENDING;
    }

    String sql() {
        return sql;
    }

    /** The values bound to the statement's "?", in order. */
    List<Object> parameters() {
        return List.copyOf(parameters);
    }

    void bind(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object p = parameters.get(i);
            if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, (String) p);
            }
        }
    }

    private boolean inScope(QueryKey k) {
        return k.level.ordinal() <= level.ordinal();
    }

    private void readKeys(Attributes identifier, boolean combinedDateTime, MatchKey.CaseRule personNames)
            throws IdentifierException {
        for (int tag : identifier.tags()) {
            if (tag == Tag.SpecificCharacterSet || tag == Tag.QueryRetrieveLevel || tag == Tag.RetrieveAETitle
                    || tag == Tag.TimezoneOffsetFromUTC || (tag & 0xFFFF) == 0 || (tag >>> 16 & 1) == 1) {
                continue; // always answered, or group lengths and private elements (ignored)
            }
            if (tag == Tag.InstanceAvailability) {
                instanceAvailability = true;
                continue;
            }
            QueryKey key = QueryKey.of(tag);
            if (key == null) {
                unsupportedKeys = true;
                continue;
            }
            if (!inScope(key)) {
                continue; // below the Query/Retrieve level: ignored (PS3.4 C.4.1.2.1 lets none be sent)
            }
            returnKeys.add(key);
            String[] values = identifier.getStrings(tag);
            String value = values == null ? "" : String.join("\\", values);
            if (value.isBlank()) {
                continue;
            }
            try {
                switch (key.type) {
                    case COUNT -> unsupportedKeys = true; // return keys only
                    case MODALITIES -> {
                        List<MatchKey> keys = new ArrayList<>();
                        for (String v : value.split("\\\\")) {
                            MatchKey m = MatchKey.of(VR.CS, v);
                            if (m.kind() == MatchKey.Kind.UNIVERSAL) {
                                keys = null;
                                break;
                            }
                            keys.add(m);
                        }
                        modalities = keys;
                    }
                    default -> {
                        MatchKey m = MatchKey.of(key.vr, value, personNames);
                        if (m.kind() != MatchKey.Kind.UNIVERSAL) {
                            matching.put(key, m);
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new IdentifierException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "Invalid "
                        + DICTIONARY.keywordOf(tag) + " " + Tag.toString(tag) + " key '" + value + "': " + e.getMessage());
            }
        }
        if (combinedDateTime) {
            combine(QueryKey.STUDY_DATE, QueryKey.STUDY_TIME, identifier);
            combine(QueryKey.SERIES_DATE, QueryKey.SERIES_TIME, identifier);
            combine(QueryKey.INSTANCE_CREATION_DATE, QueryKey.INSTANCE_CREATION_TIME, identifier);
        }
        // PS3.4 C.4.1.2.1: the unique key of the level, and of each level above it, is in every response
        for (QueryLevel l : QueryLevel.values()) {
            if (l.ordinal() >= model.root().ordinal() && l.ordinal() <= level.ordinal()) {
                returnKeys.add(QueryKey.uniqueKeyOf(l));
            }
        }
    }

    /** PS3.4 C.2.2.2.5.1: both keys present and not universal → one period from date+time to date+time. */
    private void combine(QueryKey date, QueryKey time, Attributes identifier) throws IdentifierException {
        if (matching.containsKey(date) && matching.containsKey(time)) {
            try {
                MatchKey dt = MatchKey.dateTime(identifier.getString(date.tag), identifier.getString(time.tag));
                dateTimes.put(date, dt);
                matching.remove(date);
                matching.remove(time);
            } catch (IllegalArgumentException e) {
                throw new IdentifierException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                        "Invalid date-time keys: " + e.getMessage());
            }
        }
    }

    private void column(QueryKey k) {
        columns.putIfAbsent(k, columns.size() + 1);
    }

    private void buildSql() {
        for (QueryKey k : returnKeys) {
            column(k);
        }
        for (QueryKey k : matching.keySet()) {
            column(k);
        }
        for (QueryKey k : dateTimes.keySet()) {
            column(k);
            column(k == QueryKey.STUDY_DATE ? QueryKey.STUDY_TIME
                    : k == QueryKey.SERIES_DATE ? QueryKey.SERIES_TIME : QueryKey.INSTANCE_CREATION_TIME);
        }
        if (modalities != null) {
            column(QueryKey.MODALITIES_IN_STUDY);
        }
        StringBuilder sb = new StringBuilder("SELECT ");
        boolean first = true;
        for (QueryKey k : columns.keySet()) {
            sb.append(first ? "" : ", ").append(k.qualifiedColumn());
            first = false;
        }
        sb.append(switch (level) {
            case PATIENT -> " FROM patient p";
            // Without a patient key the study table leads: the LEFT JOIN (every study has its patient, so the rows are
            // those of the inner join) keeps H2 from scanning every patient for a Study Date range, the plan it picks
            // for an inner join (EXPLAIN with 100,000 studies: 40,000 rows read instead of 800; bench/scale)
            case STUDY -> patientKeys() ? " FROM study st JOIN patient p ON p.id = st.patient_fk"
                    : " FROM study st LEFT JOIN patient p ON p.id = st.patient_fk";
            case SERIES -> " FROM series se JOIN study st ON st.id = se.study_fk JOIN patient p ON p.id = st.patient_fk";
            case IMAGE -> " FROM instance i JOIN series se ON se.id = i.series_fk JOIN study st ON st.id = se.study_fk"
                    + " JOIN patient p ON p.id = st.patient_fk";
        });
        List<String> where = new ArrayList<>();
        for (Map.Entry<QueryKey, MatchKey> e : matching.entrySet()) {
            condition(e.getKey(), e.getValue(), where);
        }
        for (Map.Entry<QueryKey, MatchKey> e : dateTimes.entrySet()) {
            range(e.getKey(), e.getValue().dateKey(), where); // the days of the period; the times decided per row
        }
        if (modalities != null) {
            StringBuilder any = new StringBuilder("EXISTS (SELECT 1 FROM series m WHERE m.study_fk = st.id AND (");
            for (int i = 0; i < modalities.size(); i++) {
                MatchKey m = modalities.get(i);
                any.append(i > 0 ? " OR " : "");
                if (m.kind() == MatchKey.Kind.WILDCARD) {
                    any.append("m.modality LIKE ? ESCAPE '\\'");
                    parameters.add(m.likePattern());
                } else {
                    any.append("m.modality = ?");
                    parameters.add(m.value());
                }
            }
            where.add(any.append("))").toString());
        }
        if (anyGroupLike == null) {
            if (!where.isEmpty()) {
                sb.append(" WHERE ").append(String.join(" AND ", where));
            }
            sql = sb.toString();
            prepareRows();
            return;
        }
        // A key of one group matches a name when any of its groups does: a branch per group's indexed key, each
        // leaving out the names an earlier branch returned, so no match comes twice. Not "a LIKE ? OR b LIKE ?",
        // nor "p.id IN (SELECT … UNION …)": H2 answers the first with a scan of every patient and takes 20 to 60
        // times longer for the second than for one index range (bench/scale, 100,000 studies).
        String select = sb.toString();
        List<Object> common = new ArrayList<>(parameters);
        parameters.clear();
        StringBuilder union = new StringBuilder();
        for (int b = 0; b < PATIENT_NAME_KEYS.length; b++) {
            StringBuilder group = new StringBuilder(PATIENT_NAME_KEYS[b]).append(" LIKE ? ESCAPE '\\'");
            List<Object> groupParameters = new ArrayList<>(List.of(anyGroupLike));
            for (int earlier = 0; earlier < b; earlier++) {
                group.append(" AND COALESCE(").append(PATIENT_NAME_KEYS[earlier]).append(", '') NOT LIKE ? ESCAPE '\\'");
                groupParameters.add(anyGroupLike);
            }
            union.append(b > 0 ? " UNION ALL " : "").append(select).append(" WHERE ")
                    .append(String.join(" AND ", where).replace(ANY_GROUP, group));
            parameters.addAll(common.subList(0, anyGroupParameter));
            parameters.addAll(groupParameters);
            parameters.addAll(common.subList(anyGroupParameter, common.size()));
        }
        sql = union.toString();
        prepareRows();
    }

    private void prepareRows() {
        integerColumn = new boolean[columns.size() + 1];
        for (Map.Entry<QueryKey, Integer> c : columns.entrySet()) {
            integerColumn[c.getValue()] = c.getKey().type == QueryKey.Type.INTEGER || c.getKey().type == QueryKey.Type.COUNT;
        }
        returned = returnKeys.stream().sorted((a, b) -> Integer.compareUnsigned(a.tag, b.tag)).toArray(QueryKey[]::new);
        returnedColumn = new int[returned.length];
        returnedText = new boolean[returned.length];
        for (int i = 0; i < returned.length; i++) {
            returnedColumn[i] = columns.get(returned[i]);
            returnedText[i] = returned[i].vr.kind() == VR.Kind.TEXT;
        }
        rowMatch = matching.values().toArray(new MatchKey[0]);
        rowMatchColumn = matching.keySet().stream().mapToInt(columns::get).toArray();
        rowDateTime = dateTimes.values().toArray(new MatchKey[0]);
        rowDateColumn = dateTimes.keySet().stream().mapToInt(columns::get).toArray();
        rowTimeColumn = dateTimes.keySet().stream().mapToInt(k -> columns.get(timeOf(k))).toArray();
        modalitiesColumn = modalities == null ? 0 : columns.get(QueryKey.MODALITIES_IN_STUDY);
    }

    private static QueryKey timeOf(QueryKey date) {
        return date == QueryKey.STUDY_DATE ? QueryKey.STUDY_TIME
                : date == QueryKey.SERIES_DATE ? QueryKey.SERIES_TIME : QueryKey.INSTANCE_CREATION_TIME;
    }

    /** Whether a patient-level key is matched (not only returned). */
    private boolean patientKeys() {
        return matching.keySet().stream().anyMatch(k -> k.level == QueryLevel.PATIENT)
                || dateTimes.keySet().stream().anyMatch(k -> k.level == QueryLevel.PATIENT);
    }

    /** The SQL condition of one key: exact where SQL can decide it, else a superset of its matches (or none). */
    private void condition(QueryKey k, MatchKey m, List<String> where) {
        String col = k.qualifiedColumn();
        switch (k.type) {
            case TEXT -> {
                if (m.kind() == MatchKey.Kind.SINGLE_VALUE) {
                    where.add(col + " = ?");
                    parameters.add(m.value());
                } else if (m.kind() == MatchKey.Kind.WILDCARD) {
                    where.add(col + " LIKE ? ESCAPE '\\'");
                    parameters.add(m.likePattern());
                }
            }
            case UID -> {
                if (m.kind() == MatchKey.Kind.WILDCARD) {
                    where.add(col + " LIKE ? ESCAPE '\\'");
                    parameters.add(m.likePattern());
                } else if (!m.uids().isEmpty()) {
                    where.add(col + " IN (" + "?, ".repeat(m.uids().size() - 1) + "?)");
                    parameters.addAll(m.uids());
                }
            }
            case DATE -> range(k, m, where);
            case INTEGER -> {
                if (m.kind() == MatchKey.Kind.SINGLE_VALUE) {
                    try {
                        parameters.add(Integer.parseInt(m.value().strip()));
                        where.add(col + " = ?");
                    } catch (NumberFormatException e) {
                        // decided per row by MatchKey (numerically)
                    }
                }
            }
            case PERSON_NAME -> {
                if (k != QueryKey.PATIENT_NAME || !indexedPersonName(m, where)) {
                    personName(col, m, where);
                }
            }
            default -> {
                // TIME, DECIMAL: stored as received, decided per row by MatchKey
            }
        }
    }

    private void range(QueryKey k, MatchKey m, List<String> where) {
        if (m.rangeLower() != null && m.rangeLower().equals(m.rangeUpper())) {
            // one day: "=" rather than a range, which the planners estimate as a large part of the table
            where.add(k.qualifiedColumn() + " = ?");
            parameters.add(m.rangeLower());
            return;
        }
        if (m.rangeLower() != null) {
            where.add(k.qualifiedColumn() + " >= ?");
            parameters.add(m.rangeLower());
        }
        if (m.rangeUpper() != null) {
            where.add(k.qualifiedColumn() + " <= ?");
            parameters.add(m.rangeUpper());
        }
    }

    /** Where the condition on any group of Patient's Name goes in each branch of the UNION ALL. */
    private static final String ANY_GROUP = "\u0000any-group";

    /** The columns of db V5 holding Patient's Name's groups as {@link MatchKey#personNameIndexKeys} makes them. */
    private static final String[] PATIENT_NAME_KEYS = {"p.name_key_alphabetic", "p.name_key_ideographic",
            "p.name_key_phonetic"};

    /**
     * Patient's Name over its indexed group keys: each stored group a key group matches begins with the key group's
     * folded literal prefix ({@link MatchKey#personNameIndexPrefixes}), so "key LIKE 'prefix%'" is a superset of the
     * matches that an index answers, whatever the case rule; MatchKey decides each row. A key of one group matches
     * any stored group, so its prefix is tried on the three. False when the key gives no prefix (e.g. "*SMITH").
     */
    private boolean indexedPersonName(MatchKey m, List<String> where) {
        String[] prefixes = m.personNameIndexPrefixes();
        if (prefixes == null) {
            return false;
        }
        if (m.personNameMatchesAnyGroup()) {
            if (prefixes[0] == null) {
                return false;
            }
            // any of the three groups: one branch per group of a UNION ALL (see buildSql)
            anyGroupLike = MatchKey.toLike(prefixes[0], false) + "%";
            anyGroupParameter = parameters.size();
            where.add(ANY_GROUP);
            return true;
        }
        boolean any = false;
        for (int i = 0; i < PATIENT_NAME_KEYS.length; i++) {
            if (prefixes[i] != null) {
                where.add(PATIENT_NAME_KEYS[i] + " LIKE ? ESCAPE '\\'");
                parameters.add(MatchKey.toLike(prefixes[i], false) + "%");
                any = true;
            }
        }
        return any;
    }

    /**
     * A stored name matches when one of its groups matches (a one-group key) or each key group matches its group;
     * either way the stored value contains the first non-empty key group up to its trailing wildcards and
     * delimiters, which is the SQL condition. Case-insensitive keys compare upper-cased values.
     */
    private void personName(String col, MatchKey m, List<String> where) {
        String[] groups = m.personNameGroups();
        String group = null;
        for (String g : groups) {
            if (g != null) {
                group = g;
                break;
            }
        }
        if (group == null) {
            return;
        }
        int end = group.length();
        while (end > 0 && "^*? ".indexOf(group.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end == 0) {
            return;
        }
        String like = "%" + MatchKey.toLike(group.substring(0, end), m.kind() == MatchKey.Kind.WILDCARD) + "%";
        if (m.ignoresCase()) {
            // The database upper-cases ASCII the same in every locale; beyond ASCII it may not (PostgreSQL in the C
            // locale leaves "ü", H2 makes "ß" "SS"): such characters become "%", still a superset.
            StringBuilder ascii = new StringBuilder(like.length());
            for (int i = 0; i < like.length(); i++) {
                char c = like.charAt(i);
                ascii.append(c < 0x80 ? Character.toUpperCase(c) : '%');
            }
            where.add("UPPER(" + col + ") LIKE ? ESCAPE '\\'");
            parameters.add(ascii.toString());
        } else {
            where.add(col + " LIKE ? ESCAPE '\\'");
            parameters.add(like);
        }
    }

    /** The response identifier for the current row, or null when a key the SQL could not decide rejects it. */
    Attributes response(ResultSet rs) throws SQLException {
        Object[] row = new Object[integerColumn.length];
        for (int i = 1; i < row.length; i++) {
            if (integerColumn[i]) {
                int v = rs.getInt(i);
                row[i] = rs.wasNull() ? null : v;
            } else {
                String s = rs.getString(i);
                row[i] = s == null || s.isEmpty() ? null : s;
            }
        }
        for (int m = 0; m < rowMatch.length; m++) {
            Object v = row[rowMatchColumn[m]];
            if (!rowMatch[m].matches(v == null ? null : v.toString())) {
                return null;
            }
        }
        for (int m = 0; m < rowDateTime.length; m++) {
            if (!rowDateTime[m].matches((String) row[rowDateColumn[m]], (String) row[rowTimeColumn[m]])) {
                return null;
            }
        }
        if (modalities != null) {
            String stored = (String) row[modalitiesColumn];
            if (modalities.stream().noneMatch(m -> m.matches(stored))) {
                return null;
            }
        }
        return identifier(row);
    }

    private Attributes identifier(Object[] row) {
        SpecificCharacterSet charset = null;
        for (int i = 0; i < returned.length; i++) {
            if (returnedText[i] && row[returnedColumn[i]] instanceof String s && !isAscii(s)) {
                charset = charsetFor(row);
                break;
            }
        }
        Attributes rsp = new Attributes(false, returned.length + 4);
        if (charset != null) {
            rsp.setString(Tag.SpecificCharacterSet, VR.CS, charset.codes());
        }
        rsp.setString(Tag.QueryRetrieveLevel, VR.CS, level.name());
        rsp.setString(Tag.RetrieveAETitle, VR.AE, retrieveAeTitle);
        if (instanceAvailability) {
            rsp.setString(Tag.InstanceAvailability, VR.CS, "ONLINE"); // everything indexed is on disk
        }
        for (int i = 0; i < returned.length; i++) {
            QueryKey k = returned[i];
            Object v = row[returnedColumn[i]];
            if (v == null) {
                rsp.setNull(k.tag, k.vr);
            } else if (v instanceof Integer n) {
                if (k.vr == VR.US) {
                    rsp.setInt(k.tag, VR.US, n);
                } else {
                    rsp.setString(k.tag, k.vr, Integer.toString(n));
                }
            } else {
                rsp.setString(k.tag, k.vr, (String) v);
            }
        }
        return rsp;
    }

    /**
     * Responses with values beyond ASCII: in the query's own character set when it names one without code extensions
     * that can encode every returned value (what the peer said it reads), otherwise ISO_IR 192 (UTF-8).
     */
    private SpecificCharacterSet charsetFor(Object[] row) {
        SpecificCharacterSet cs = requestCharset;
        if (cs != null && cs.isKnown() && !cs.usesCodeExtensions() && cs.codes().length == 1 && !cs.isUTF8()) {
            boolean all = true;
            for (int i = 0; i < returned.length; i++) {
                if (returnedText[i] && row[returnedColumn[i]] instanceof String s && !cs.canEncode(s)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return cs;
            }
        }
        return SpecificCharacterSet.UTF_8;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return model + " " + level + " " + matching.values() + (modalities == null ? "" : " modalities " + modalities);
    }
}
