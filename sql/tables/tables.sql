-- Base tables written by the load step (countyreports.warehouse.writer). Idempotent DDL.
-- Grain of each table is stated above it. Views in staging/ core/ marts/ read these.

-- one row per harvest/backfill/reparse run
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY,
    kind VARCHAR NOT NULL,              -- harvest | backfill | reparse
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    counties_total INTEGER,
    counties_ok INTEGER,
    counties_failed INTEGER,
    counties_empty INTEGER,
    counties_skipped INTEGER,
    requests INTEGER,
    bodies_downloaded INTEGER,
    not_modified INTEGER,
    pages_parsed INTEGER,
    new_reports INTEGER,
    new_versions INTEGER,
    withdrawn INTEGER,
    registry_errors VARCHAR[],          -- "line N: reason" for each skipped registry row
    params VARCHAR,                     -- JSON of the run's parameters
    counties_partial INTEGER,           -- some article pages unreadable (the reports read are loaded)
    retries INTEGER                     -- HTTP retries after transient failures (503, timeouts, ...)
);
-- a run without finished_at was interrupted (killed) or is still running: `countyreports status` tells which

-- columns added after the first release (files created before get them here)
ALTER TABLE runs ADD COLUMN IF NOT EXISTS counties_partial INTEGER;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS retries INTEGER;

-- one row per run x county
CREATE TABLE IF NOT EXISTS county_runs (
    run_id VARCHAR NOT NULL,
    adcode VARCHAR NOT NULL,
    county VARCHAR,
    outcome VARCHAR NOT NULL,           -- ok | partial | empty | blocked | failed | skipped
    error VARCHAR,
    column_url VARCHAR,
    reports_found INTEGER,
    new_reports INTEGER,
    new_versions INTEGER,
    requests INTEGER,
    pages_parsed INTEGER,
    warnings VARCHAR[],
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    search_tried VARCHAR[],             -- no column found: the best pages the search judged, "score url name (note)"
    PRIMARY KEY (run_id, adcode)
);
ALTER TABLE county_runs ADD COLUMN IF NOT EXISTS search_tried VARCHAR[];

-- one row per HTTP exchange the crawler made (after redirects)
CREATE TABLE IF NOT EXISTS fetches (
    run_id VARCHAR NOT NULL,
    adcode VARCHAR,
    url VARCHAR NOT NULL,
    final_url VARCHAR,
    status INTEGER,
    bytes BIGINT,
    sha256 VARCHAR,
    content_type VARCHAR,
    etag VARCHAR,
    last_modified VARCHAR,
    not_modified BOOLEAN,
    fetched_at TIMESTAMP NOT NULL,
    elapsed_ms DOUBLE,
    error VARCHAR
);

-- one row per report: its latest version (older versions in report_versions)
CREATE TABLE IF NOT EXISTS reports (
    report_id VARCHAR PRIMARY KEY,      -- <adcode>-<report_year>
    adcode VARCHAR NOT NULL,
    county VARCHAR,
    province VARCHAR,
    prefecture VARCHAR,
    report_year INTEGER NOT NULL,
    title VARCHAR,
    url VARCHAR,
    published_date DATE,
    issuer VARCHAR,
    version INTEGER NOT NULL,
    content_sha256 VARCHAR NOT NULL,
    clean_text VARCHAR,
    signed_date DATE,
    noise VARCHAR[],
    fetched_at TIMESTAMP,
    status VARCHAR NOT NULL,            -- active | withdrawn
    first_seen TIMESTAMP,
    last_seen TIMESTAMP,
    withdrawn_at TIMESTAMP,
    pages VARCHAR[],
    attachment VARCHAR,
    duplicates VARCHAR[],
    raw_sha256 VARCHAR[],
    encoding VARCHAR,
    site_id_code VARCHAR,
    source VARCHAR,
    parse_sha256 VARCHAR,               -- hash of the parsed report: a re-parse reading the same writes nothing
    text_source VARCHAR,                -- html | docx | pdf-text | doc | ocr | text: where the text was read from
    read_state VARCHAR,                 -- ok | unreadable_format | needs_ocr | read_failed (--reparse reads again)
    read_reason VARCHAR,                -- why the text could not be read (read_state not ok)
    ocr_confidence DOUBLE,              -- mean confidence (0..1) of the OCR lines kept (text_source ocr)
    images VARCHAR[]                    -- URLs of the page images read by OCR (an article made of scans)
);
ALTER TABLE reports ADD COLUMN IF NOT EXISTS parse_sha256 VARCHAR;
ALTER TABLE reports ADD COLUMN IF NOT EXISTS text_source VARCHAR;
ALTER TABLE reports ADD COLUMN IF NOT EXISTS read_state VARCHAR;
ALTER TABLE reports ADD COLUMN IF NOT EXISTS read_reason VARCHAR;
ALTER TABLE reports ADD COLUMN IF NOT EXISTS ocr_confidence DOUBLE;
ALTER TABLE reports ADD COLUMN IF NOT EXISTS images VARCHAR[];

-- one row per report x version: every version ever loaded (nothing overwritten)
CREATE TABLE IF NOT EXISTS report_versions (
    report_id VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    content_sha256 VARCHAR NOT NULL,
    title VARCHAR,
    url VARCHAR,
    published_date DATE,
    clean_text VARCHAR,
    noise VARCHAR[],
    fetched_at TIMESTAMP,
    run_id VARCHAR,
    PRIMARY KEY (report_id, version)
);

-- one row per report version x heading
CREATE TABLE IF NOT EXISTS sections (
    report_id VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    path VARCHAR NOT NULL,
    level INTEGER,
    kind VARCHAR,
    secondary_kind VARCHAR,
    title VARCHAR,
    text VARCHAR,
    char_start INTEGER,
    char_end INTEGER,
    PRIMARY KEY (report_id, version, ordinal)
);

-- one row per report version x coded indicator mention
CREATE TABLE IF NOT EXISTS indicators (
    report_id VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    code VARCHAR NOT NULL,
    value DOUBLE NOT NULL,
    unit VARCHAR,
    approx BOOLEAN,
    from_value DOUBLE,
    section_path VARCHAR,
    surface VARCHAR,
    sentence VARCHAR,
    char_start INTEGER,
    char_end INTEGER,
    value_kind VARCHAR,                 -- value | change (a stated difference, signed)
    cues VARCHAR[],                     -- the words that decided the code, "concept:word"
    ocr_page INTEGER,                   -- page of the scan the mention is on (reports read by OCR), else NULL
    PRIMARY KEY (report_id, version, ordinal)
);
ALTER TABLE indicators ADD COLUMN IF NOT EXISTS value_kind VARCHAR;
ALTER TABLE indicators ADD COLUMN IF NOT EXISTS cues VARCHAR[];
ALTER TABLE indicators ADD COLUMN IF NOT EXISTS ocr_page INTEGER;

-- one row per report version x quantity mention (coded or not)
CREATE TABLE IF NOT EXISTS mentions (
    report_id VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    value DOUBLE,
    measure VARCHAR,
    unit VARCHAR,
    approx BOOLEAN,
    from_value DOUBLE,
    before VARCHAR,
    surface VARCHAR,
    sentence VARCHAR,
    section_path VARCHAR,
    char_start INTEGER,
    char_end INTEGER,
    code VARCHAR,
    value_kind VARCHAR,
    PRIMARY KEY (report_id, version, ordinal)
);
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS value_kind VARCHAR;

-- crawl state: one row per article page URL seen in a report column
CREATE TABLE IF NOT EXISTS pages (
    url VARCHAR PRIMARY KEY,
    adcode VARCHAR NOT NULL,
    kind VARCHAR,                       -- county_report | department_report | ... | skipped | pending
    title VARCHAR,
    report_id VARCHAR,
    content_sha256 VARCHAR,
    first_seen TIMESTAMP,
    last_seen TIMESTAMP,
    last_checked TIMESTAMP,
    error VARCHAR                       -- why a pending page could not be read (fetch error, or its reading)
);
ALTER TABLE pages ADD COLUMN IF NOT EXISTS error VARCHAR;

-- crawl state: one row per URL with the validators of its last 200 answer
CREATE TABLE IF NOT EXISTS http_cache (
    url VARCHAR PRIMARY KEY,
    etag VARCHAR,
    last_modified VARCHAR,
    sha256 VARCHAR,
    content_type VARCHAR,
    fetched_at TIMESTAMP
);

-- crawl state: one row per county, the report column found (remembered between runs)
CREATE TABLE IF NOT EXISTS columns (
    adcode VARCHAR PRIMARY KEY,
    column_url VARCHAR NOT NULL,
    hosts VARCHAR[],
    found_at TIMESTAMP,
    last_ok TIMESTAMP
);

-- crawl state: one row per county, its last search for the report column (a failed one is not repeated
-- before search_retry_days unless the homepage changed)
CREATE TABLE IF NOT EXISTS column_searches (
    adcode VARCHAR PRIMARY KEY,
    searched_at TIMESTAMP NOT NULL,
    found BOOLEAN NOT NULL,
    column_url VARCHAR,
    tried VARCHAR[]                     -- not found: the best pages judged, with their scores
);

-- crawl state: one row per origin, its last robots.txt answer (reused for up to 24 h, RFC 9309)
CREATE TABLE IF NOT EXISTS robots (
    origin VARCHAR PRIMARY KEY,
    status INTEGER,
    body BLOB,
    fetched_at TIMESTAMP
);

-- full-text search (issue 18): one row per report version x sentence with its search fold
-- (countyreports.text.fold: NFKC, traditional → simplified, lower case, no whitespace) and its text,
-- clean_text[char_start:char_end) of that version; written by the loader with the version, rewritten only when
-- the text changes (a re-parse that keeps the text leaves them), and all again when the fold changes.
CREATE TABLE IF NOT EXISTS search_sentences (
    report_id VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,           -- sentence order within the version (0-based)
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    sentence VARCHAR NOT NULL,          -- clean_text[char_start:char_end), kept: cutting it out per row is slow
    folded VARCHAR NOT NULL USING COMPRESSION uncompressed,  -- read with a selection: no FSST to decode
    char_mask UBIGINT NOT NULL          -- 64-bit Bloom filter of its characters (text.fold.char_mask): a
                                        -- search compares text only where the mask holds the query's bits
);

-- the search fold as data (seed, written by the writer): one row per character the fold changes; the SQL macro
-- search_fold() translates with it. fold_version: the fold's definition the folded sentences were made with.
CREATE TABLE IF NOT EXISTS search_fold_chars (
    from_char VARCHAR NOT NULL,
    to_char VARCHAR NOT NULL,           -- ' ' for whitespace (removed after the query is split into terms)
    fold_version INTEGER NOT NULL
);
