-- mart_indicator_ranks: rank of each county within its prefecture and its province, per code and year.
-- Grain: adcode x report_year x indicator_code (the cells of compare_indicators; active reports only).
-- Rank 1 = the largest value (a ranking of magnitude, not of merit: a low loss rate ranks last); ties share
-- a rank (RANK()). *_county_count = how many counties of that prefecture/province state the code that year;
-- counties that do not state it are not ranked.
CREATE OR REPLACE VIEW mart_indicator_ranks AS
SELECT
    province,
    prefecture,
    adcode,
    county,
    report_year,
    indicator_code,
    value,
    unit,
    is_approx,
    rank() OVER (PARTITION BY prefecture, report_year, indicator_code ORDER BY value DESC) AS prefecture_rank,
    count(*) OVER (PARTITION BY prefecture, report_year, indicator_code) AS prefecture_county_count,
    rank() OVER (PARTITION BY province, report_year, indicator_code ORDER BY value DESC) AS province_rank,
    count(*) OVER (PARTITION BY province, report_year, indicator_code) AS province_county_count,
    report_id,
    url,
    sentence
FROM compare_indicators;
