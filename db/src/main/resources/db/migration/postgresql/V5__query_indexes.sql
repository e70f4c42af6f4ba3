-- What C-FIND (001 §3.4.2, Tables 27/28) and the console's study list need to stay fast with 100,000 studies and
-- 1,000,000 instances indexed (issues 6 and 9; bench/scale measures it, docs/performance.md has the figures).

-- Patient's Name matching (PS3.4 C.2.2.2.1/C.2.2.2.4) per component group, without regard to case by default:
-- each group of the stored name normalized as io.tessera.dicom.text.MatchKey compares it (components trimmed,
-- trailing empty components dropped) and case-folded (MatchKey.foldCase), so that a key "Mü*" or "DOE^J*" is
-- "name_key_alphabetic LIKE 'MÜ%'" over an index instead of a scan of every patient; MatchKey still decides each row.
-- varchar_pattern_ops: a prefix LIKE uses the index whatever the database's collation.
-- The store service fills them (store/IndexedAttributes); existing rows are filled here by the same rules in SQL,
-- which differ from Java's only for exotic case pairs.
ALTER TABLE patient ADD COLUMN name_key_alphabetic VARCHAR(324);
ALTER TABLE patient ADD COLUMN name_key_ideographic VARCHAR(324);
ALTER TABLE patient ADD COLUMN name_key_phonetic VARCHAR(324);

UPDATE patient SET
    name_key_alphabetic = NULLIF(UPPER(LOWER(REGEXP_REPLACE(REGEXP_REPLACE(TRIM(
        REGEXP_REPLACE(patient_name, '=.*$', '')), ' *\^ *', '^', 'g'), '\^+$', ''))), ''),
    name_key_ideographic = CASE WHEN patient_name LIKE '%=%' THEN NULLIF(UPPER(LOWER(REGEXP_REPLACE(REGEXP_REPLACE(TRIM(
        REGEXP_REPLACE(REGEXP_REPLACE(patient_name, '^[^=]*=', ''), '=.*$', '')), ' *\^ *', '^', 'g'), '\^+$', ''))), '') END,
    name_key_phonetic = CASE WHEN patient_name LIKE '%=%=%' THEN NULLIF(UPPER(LOWER(REGEXP_REPLACE(REGEXP_REPLACE(TRIM(
        REGEXP_REPLACE(REGEXP_REPLACE(patient_name, '^[^=]*=[^=]*=', ''), '=.*$', '')), ' *\^ *', '^', 'g'), '\^+$', ''))), '') END
WHERE patient_name IS NOT NULL;

CREATE INDEX ix_patient_name_key_a ON patient (name_key_alphabetic varchar_pattern_ops);
CREATE INDEX ix_patient_name_key_i ON patient (name_key_ideographic varchar_pattern_ops);
CREATE INDEX ix_patient_name_key_p ON patient (name_key_phonetic varchar_pattern_ops);

-- The console's study list (browse.BrowseService): newest first, a page at a time, read in index order instead of
-- sorting every study; it also serves C-FIND's Study Date single values and ranges, so ix_study_date goes.
CREATE INDEX ix_study_date_time ON study (study_date DESC, study_time DESC, id DESC);
DROP INDEX ix_study_date;
