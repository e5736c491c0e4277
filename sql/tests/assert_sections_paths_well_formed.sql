-- Section paths: '' (the preamble, level 0) or 一 / 一/(一) / 一/(一)/1 / 一/(一)/1/(1) — half-width
-- parentheses, no trailing punctuation — with as many parts as the level; unique within a report version;
-- kinds only on level 1 and from the closed list.
SELECT report_id, version, ordinal, section_path, section_level, section_kind
FROM stg_sections
WHERE NOT regexp_full_match(
        section_path,
        '([一二三四五六七八九十]+(/\([一二三四五六七八九十]+\)(/[0-9]+(/\([0-9]+\))?)?)?)?'
    )
    OR section_level IS DISTINCT FROM (CASE WHEN section_path = '' THEN 0 ELSE len(string_split(section_path, '/')) END)
    OR (section_level = 1) <> (section_kind IS NOT NULL)
    OR section_kind NOT IN ('measures_results', 'leader_duties', 'court_judgments', 'shortcomings',
        'next_year_plan', 'other')
    OR section_secondary_kind NOT IN ('measures_results', 'leader_duties', 'court_judgments', 'shortcomings',
        'next_year_plan', 'other')
UNION ALL
SELECT report_id, version, min(ordinal), section_path, NULL, NULL
FROM stg_sections
GROUP BY report_id, version, section_path
HAVING count(*) > 1;
