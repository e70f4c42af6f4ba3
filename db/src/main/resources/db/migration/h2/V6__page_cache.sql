-- H2 keeps the pages it reads from the database file in a cache of 16 MB unless told otherwise. With 100,000 studies
-- and 1,000,000 instances indexed (issues 6 and 9) the study and patient rows and the indexes C-FIND reads are some
-- 250 MB once decoded, so nearly every match of a C-FIND with hundreds of matches read its row's page from the file and
-- decoded all of that page's rows again: with 16 MB about half the server's time per match (bench/scale, JFR).
-- 64 MB (an eighth of WildFly's default 512 MB heap) keeps the hot part: per-match CPU -15 %, C-FIND p95 -20 %
-- (bench/scale, H2, 1 M instances; 128 MB gains only a few % more and holds a quarter of the heap).
-- SET CACHE_SIZE is a persistent database setting: H2 applies it again whenever it opens the file (at most half the
-- heap). PostgreSQL sizes its own buffers (shared_buffers): its V6 is empty.
SET CACHE_SIZE 65536;
