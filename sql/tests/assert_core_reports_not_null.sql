-- The columns every report must have.
SELECT report_id
FROM core_reports
WHERE report_id IS NULL OR adcode IS NULL OR report_year IS NULL OR version IS NULL OR status IS NULL
    OR content_sha256 IS NULL OR url IS NULL OR province IS NULL OR county IS NULL
    OR report_id <> adcode || '-' || report_year
    OR status NOT IN ('active', 'withdrawn');
