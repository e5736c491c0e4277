-- mart_report_changes: what each correction of a report changed — every version after the first against the
-- version just before it (core_report_changes of consecutive versions; the columns are explained there).
-- Grain: adcode x report_year x version (version >= 2; reports of every status, see `status`).
CREATE OR REPLACE VIEW mart_report_changes AS
SELECT *
FROM core_report_changes
WHERE previous_version = version - 1;
