-- stg_sections: the `sections` table renamed/cast only, every loaded version.
-- Grain: report_id x version x ordinal (heading order within the version; ordinal 0 is the preamble, path '').
CREATE OR REPLACE VIEW stg_sections AS
SELECT
    report_id,
    version,
    ordinal,
    path AS section_path,
    level AS section_level,
    kind AS section_kind,
    secondary_kind AS section_secondary_kind,
    title AS section_title,
    text AS section_text,
    char_start,
    char_end
FROM sections;
