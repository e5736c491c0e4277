-- core_counties: every county the warehouse knows of — each county any harvest run was asked to crawl
-- (county_runs) or that has a report — with where it sits and how its last crawl went. Grain: adcode.
-- province: from the county's reports, else from another county of the same province (first two digits of
-- the division code), else the seed stg_province_codes. prefecture: from the county's reports, else from a
-- county sharing the first four digits, else NULL.
CREATE OR REPLACE VIEW core_counties AS
WITH ids AS (
    SELECT adcode FROM stg_county_runs
    UNION
    SELECT adcode FROM stg_reports
),
latest_run AS (
    SELECT *
    FROM stg_county_runs
    QUALIFY row_number() OVER (PARTITION BY adcode ORDER BY run_started_at DESC NULLS LAST, started_at DESC) = 1
),
own AS (
    SELECT
        adcode,
        arg_max(county, version) AS county,
        arg_max(province, report_year) AS province,
        arg_max(prefecture, report_year) AS prefecture
    FROM stg_reports
    GROUP BY adcode
),
by_province AS (
    SELECT left(adcode, 2) AS province_code, min(province) AS province
    FROM stg_reports
    GROUP BY 1
),
by_prefecture AS (
    SELECT left(adcode, 4) AS prefecture_code, min(prefecture) AS prefecture
    FROM stg_reports
    GROUP BY 1
),
runs_per_county AS (
    SELECT
        adcode,
        count(*) AS crawl_count,
        count(*) FILTER (WHERE outcome IN ('failed', 'blocked')) AS failed_crawl_count
    FROM stg_county_runs
    GROUP BY adcode
)
SELECT
    ids.adcode,
    coalesce(lr.county, o.county) AS county,
    coalesce(o.province, bp.province, pc.province) AS province,
    coalesce(o.prefecture, bf.prefecture) AS prefecture,
    left(ids.adcode, 2) AS province_code,
    left(ids.adcode, 4) AS prefecture_code,
    lr.run_id AS last_run_id,
    lr.outcome AS last_outcome,
    lr.error AS last_error,
    lr.column_url AS last_column_url,
    lr.finished_at AS last_crawled_at,
    coalesce(rc.crawl_count, 0) AS crawl_count,
    coalesce(rc.failed_crawl_count, 0) AS failed_crawl_count
FROM ids
LEFT JOIN latest_run AS lr USING (adcode)
LEFT JOIN own AS o USING (adcode)
LEFT JOIN by_province AS bp ON bp.province_code = left(ids.adcode, 2)
LEFT JOIN stg_province_codes AS pc ON pc.province_code = left(ids.adcode, 2)
LEFT JOIN by_prefecture AS bf ON bf.prefecture_code = left(ids.adcode, 4)
LEFT JOIN runs_per_county AS rc USING (adcode);
