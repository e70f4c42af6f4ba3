-- H2's V6 sets the size of its page cache (see h2/V6__page_cache.sql). PostgreSQL sizes its buffers in the server's
-- configuration (shared_buffers), not in the database: nothing to do here; the version keeps both schemas in step.
SELECT 1;
