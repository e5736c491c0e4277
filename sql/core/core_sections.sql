-- core_sections: the heading structure of each report's latest version (active or withdrawn reports).
-- Grain: report_id x ordinal. Ordinal 0 is the preamble (section_path '', level 0). Paths join the number of
-- each level with '/': 一, 一/(一), 一/(一)/1, 一/(一)/1/(1). section_kind is set on level-1 sections only
-- (measures_results | leader_duties | court_judgments | shortcomings | next_year_plan | other), with
-- section_secondary_kind for a section covering two kinds (存在的不足和下一步工作计划).
CREATE OR REPLACE VIEW core_sections AS
SELECT
    s.report_id,
    r.adcode,
    r.province,
    r.report_year,
    s.version,
    s.ordinal,
    s.section_path,
    s.section_level,
    s.section_kind,
    s.section_secondary_kind,
    s.section_title,
    s.section_text,
    s.char_start,
    s.char_end
FROM stg_sections AS s
JOIN stg_reports AS r ON r.report_id = s.report_id AND r.version = s.version;
