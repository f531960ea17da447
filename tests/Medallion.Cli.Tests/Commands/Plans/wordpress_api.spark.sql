-- ===== wordpress_api.posts: bronze (spark) =====
CREATE TABLE raw_loaded (value STRING) USING text;

WITH documents AS (
  SELECT value, trim(BOTH '\uFEFF \t\r\n' FROM value) AS __document
  FROM raw_loaded
),
checked AS (
  SELECT value, __document, coalesce(json_array_length(concat('[', __document, ',0]')) = 2, false) AS __valid
  FROM documents WHERE __document <> ''
),
elements AS (
  SELECT explode(CASE WHEN NOT __valid THEN array(value) WHEN startswith(__document, '[') THEN coalesce(from_json(__document, 'ARRAY<STRING>'), array(value)) ELSE array(__document) END) AS __element, __valid
  FROM checked
),
objects AS (
  SELECT __element, CASE WHEN __valid AND startswith(__element, '{') THEN __element END AS __object
  FROM elements
),
parsed AS (
  SELECT __element, __object, from_json(__object, '`id` STRING, `date` STRING, `date_gmt` STRING, `modified` STRING, `modified_gmt` STRING, `slug` STRING, `status` STRING, `type` STRING, `link` STRING, `title` STRUCT<`rendered`: STRING>, `content` STRUCT<`rendered`: STRING>, `excerpt` STRUCT<`rendered`: STRING>, `author` STRING, `featured_media` STRING, `comment_status` STRING, `ping_status` STRING, `sticky` STRING, `format` STRING, `__corrupt` STRING', map('columnNameOfCorruptRecord', '__corrupt')) AS __parsed
  FROM objects
)
SELECT __parsed.`id`, __parsed.`date`, __parsed.`date_gmt`, __parsed.`modified`, __parsed.`modified_gmt`, __parsed.`slug`, __parsed.`status`, __parsed.`type`, __parsed.`link`, __parsed.`title`, __parsed.`content`, __parsed.`excerpt`, __parsed.`author`, __parsed.`featured_media`, __parsed.`comment_status`, __parsed.`ping_status`, __parsed.`sticky`, __parsed.`format`,
  CASE WHEN __object IS NULL THEN coalesce(__element, 'null') ELSE __parsed.`__corrupt` END AS `__corrupt`
FROM parsed;

CREATE OR REPLACE TEMPORARY VIEW bronze_rows AS
WITH scanned AS (
  SELECT CAST(`id` AS STRING) AS __f_0, CAST(`date` AS STRING) AS __f_1, CAST(`date_gmt` AS STRING) AS __f_2, CAST(`modified` AS STRING) AS __f_3, CAST(`modified_gmt` AS STRING) AS __f_4, CAST(`slug` AS STRING) AS __f_5, CAST(`status` AS STRING) AS __f_6, CAST(`type` AS STRING) AS __f_7, CAST(`link` AS STRING) AS __f_8, CAST(`title`.`rendered` AS STRING) AS __f_9, CAST(`content`.`rendered` AS STRING) AS __f_10, CAST(`excerpt`.`rendered` AS STRING) AS __f_11, CAST(`author` AS STRING) AS __f_12, CAST(`featured_media` AS STRING) AS __f_13, CAST(`comment_status` AS STRING) AS __f_14, CAST(`ping_status` AS STRING) AS __f_15, CAST(`sticky` AS STRING) AS __f_16, CAST(`format` AS STRING) AS __f_17,
    CASE WHEN `__corrupt` IS NOT NULL THEN 'not a valid JSON record (Spark could not parse it)' END AS __malformed, `__corrupt` AS __raw,
    input_file_name() AS __file, monotonically_increasing_id() AS __scan
  FROM raw_records
),
file_offsets AS (
  SELECT __file, coalesce(sum(count(*)) OVER (ORDER BY __file ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS __offset
  FROM scanned GROUP BY __file
),
numbered AS (
  SELECT s.*, CAST(o.__offset + row_number() OVER (PARTITION BY s.__file ORDER BY s.__scan) AS BIGINT) AS __record
  FROM scanned s JOIN file_offsets o ON s.__file = o.__file
)
SELECT CASE WHEN (__f_0 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_0 AS BIGINT) END AS `id`, CASE WHEN (__f_1 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\\z') THEN try_cast(__f_1 AS TIMESTAMP) WHEN (__f_1 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\\z') THEN try_cast(substr(trim(__f_1), 1, 16) || ':00' || substr(trim(__f_1), 17) AS TIMESTAMP) END AS `date`, CASE WHEN (__f_2 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\\z') THEN try_cast(__f_2 AS TIMESTAMP) WHEN (__f_2 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\\z') THEN try_cast(substr(trim(__f_2), 1, 16) || ':00' || substr(trim(__f_2), 17) AS TIMESTAMP) END AS `date_gmt`, CASE WHEN (__f_3 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\\z') THEN try_cast(__f_3 AS TIMESTAMP) WHEN (__f_3 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\\z') THEN try_cast(substr(trim(__f_3), 1, 16) || ':00' || substr(trim(__f_3), 17) AS TIMESTAMP) END AS `modified`, CASE WHEN (__f_4 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\\z') THEN try_cast(__f_4 AS TIMESTAMP) WHEN (__f_4 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\\z') THEN try_cast(substr(trim(__f_4), 1, 16) || ':00' || substr(trim(__f_4), 17) AS TIMESTAMP) END AS `modified_gmt`, CAST(__f_5 AS STRING) AS `slug`, CAST(__f_6 AS STRING) AS `status`, CAST(__f_7 AS STRING) AS `type`, CAST(__f_8 AS STRING) AS `link`, CAST(__f_9 AS STRING) AS `title`, CAST(__f_10 AS STRING) AS `content`, CAST(__f_11 AS STRING) AS `excerpt`, CASE WHEN (__f_12 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_12 AS BIGINT) END AS `author`, CASE WHEN (__f_13 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_13 AS BIGINT) END AS `featured_media`, CAST(__f_14 AS STRING) AS `comment_status`, CAST(__f_15 AS STRING) AS `ping_status`, CASE WHEN lower(trim(__f_16)) IN ('true', 't', 'yes', 'y', '1') THEN true WHEN lower(trim(__f_16)) IN ('false', 'f', 'no', 'n', '0') THEN false END AS `sticky`, CAST(__f_17 AS STRING) AS `format`,
  coalesce(__malformed, nullif(concat_ws('; ', CASE WHEN __f_0 IS NOT NULL AND CASE WHEN (__f_0 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_0 AS BIGINT) END IS NULL THEN 'column `id` does not cast to long: ' || __f_0 END, CASE WHEN __f_1 IS NOT NULL AND CASE WHEN (__f_1 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\\z') THEN try_cast(__f_1 AS TIMESTAMP) WHEN (__f_1 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\\z') THEN try_cast(substr(trim(__f_1), 1, 16) || ':00' || substr(trim(__f_1), 17) AS TIMESTAMP) END IS NULL THEN 'column `date` does not cast to timestamp: ' || __f_1 END, CASE WHEN __f_2 IS NOT NULL AND CASE WHEN (__f_2 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\\z') THEN try_cast(__f_2 AS TIMESTAMP) WHEN (__f_2 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\\z') THEN try_cast(substr(trim(__f_2), 1, 16) || ':00' || substr(trim(__f_2), 17) AS TIMESTAMP) END IS NULL THEN 'column `date_gmt` does not cast to timestamp: ' || __f_2 END, CASE WHEN __f_3 IS NOT NULL AND CASE WHEN (__f_3 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\\z') THEN try_cast(__f_3 AS TIMESTAMP) WHEN (__f_3 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\\z') THEN try_cast(substr(trim(__f_3), 1, 16) || ':00' || substr(trim(__f_3), 17) AS TIMESTAMP) END IS NULL THEN 'column `modified` does not cast to timestamp: ' || __f_3 END, CASE WHEN __f_4 IS NOT NULL AND CASE WHEN (__f_4 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\\z') THEN try_cast(__f_4 AS TIMESTAMP) WHEN (__f_4 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\\z') THEN try_cast(substr(trim(__f_4), 1, 16) || ':00' || substr(trim(__f_4), 17) AS TIMESTAMP) END IS NULL THEN 'column `modified_gmt` does not cast to timestamp: ' || __f_4 END, CASE WHEN __f_12 IS NOT NULL AND CASE WHEN (__f_12 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_12 AS BIGINT) END IS NULL THEN 'column `author` does not cast to long: ' || __f_12 END, CASE WHEN __f_13 IS NOT NULL AND CASE WHEN (__f_13 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_13 AS BIGINT) END IS NULL THEN 'column `featured_media` does not cast to long: ' || __f_13 END, CASE WHEN __f_16 IS NOT NULL AND CASE WHEN lower(trim(__f_16)) IN ('true', 't', 'yes', 'y', '1') THEN true WHEN lower(trim(__f_16)) IN ('false', 'f', 'no', 'n', '0') THEN false END IS NULL THEN 'column `sticky` does not cast to boolean: ' || __f_16 END), '')) AS _malformed,
  CASE WHEN __malformed IS NOT NULL THEN __raw WHEN nullif(concat_ws('; ', CASE WHEN __f_0 IS NOT NULL AND CASE WHEN (__f_0 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_0 AS BIGINT) END IS NULL THEN 'column `id` does not cast to long: ' || __f_0 END, CASE WHEN __f_1 IS NOT NULL AND CASE WHEN (__f_1 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\\z') THEN try_cast(__f_1 AS TIMESTAMP) WHEN (__f_1 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\\z') THEN try_cast(substr(trim(__f_1), 1, 16) || ':00' || substr(trim(__f_1), 17) AS TIMESTAMP) END IS NULL THEN 'column `date` does not cast to timestamp: ' || __f_1 END, CASE WHEN __f_2 IS NOT NULL AND CASE WHEN (__f_2 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\\z') THEN try_cast(__f_2 AS TIMESTAMP) WHEN (__f_2 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\\z') THEN try_cast(substr(trim(__f_2), 1, 16) || ':00' || substr(trim(__f_2), 17) AS TIMESTAMP) END IS NULL THEN 'column `date_gmt` does not cast to timestamp: ' || __f_2 END, CASE WHEN __f_3 IS NOT NULL AND CASE WHEN (__f_3 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\\z') THEN try_cast(__f_3 AS TIMESTAMP) WHEN (__f_3 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\\z') THEN try_cast(substr(trim(__f_3), 1, 16) || ':00' || substr(trim(__f_3), 17) AS TIMESTAMP) END IS NULL THEN 'column `modified` does not cast to timestamp: ' || __f_3 END, CASE WHEN __f_4 IS NOT NULL AND CASE WHEN (__f_4 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\\z') THEN try_cast(__f_4 AS TIMESTAMP) WHEN (__f_4 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\\z') THEN try_cast(substr(trim(__f_4), 1, 16) || ':00' || substr(trim(__f_4), 17) AS TIMESTAMP) END IS NULL THEN 'column `modified_gmt` does not cast to timestamp: ' || __f_4 END, CASE WHEN __f_12 IS NOT NULL AND CASE WHEN (__f_12 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_12 AS BIGINT) END IS NULL THEN 'column `author` does not cast to long: ' || __f_12 END, CASE WHEN __f_13 IS NOT NULL AND CASE WHEN (__f_13 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_13 AS BIGINT) END IS NULL THEN 'column `featured_media` does not cast to long: ' || __f_13 END, CASE WHEN __f_16 IS NOT NULL AND CASE WHEN lower(trim(__f_16)) IN ('true', 't', 'yes', 'y', '1') THEN true WHEN lower(trim(__f_16)) IN ('false', 'f', 'no', 'n', '0') THEN false END IS NULL THEN 'column `sticky` does not cast to boolean: ' || __f_16 END), '') IS NOT NULL THEN to_json(named_struct('id', __f_0, 'date', __f_1, 'date_gmt', __f_2, 'modified', __f_3, 'modified_gmt', __f_4, 'slug', __f_5, 'status', __f_6, 'type', __f_7, 'link', __f_8, 'title', __f_9, 'content', __f_10, 'excerpt', __f_11, 'author', __f_12, 'featured_media', __f_13, 'comment_status', __f_14, 'ping_status', __f_15, 'sticky', __f_16, 'format', __f_17), map('ignoreNullFields', 'false')) END AS _raw,
  'run-key' AS _run_key,
  CASE WHEN instr(__file, '/srv/medallion/samples/') > 0 THEN substr(__file, instr(__file, '/srv/medallion/samples/') + 23) ELSE __file END AS _source_file,
  TIMESTAMP '1970-01-01 00:00:00.000000Z' AS _ingested_at,
  __record AS _record_number,
  DATE '1970-01-01' AS _ingest_date
FROM numbered;

CACHE TABLE bronze_rows;

SELECT count(*) AS rows_read, count(_malformed) AS malformed FROM bronze_rows;

SELECT * FROM bronze_rows WHERE _run_key = 'run-key';

UNCACHE TABLE IF EXISTS bronze_rows;

-- ===== wordpress_api.posts: silver (spark) =====
CREATE OR REPLACE TEMPORARY VIEW bronze_input AS SELECT * FROM delta.`/srv/medallion/lake/bronze/wordpress_api/posts/schema_v=1` WHERE _run_key = 'run-key';

CREATE OR REPLACE TEMPORARY VIEW routed AS
WITH s0 AS (
  SELECT `id`,
    `date`,
    `date_gmt`,
    `modified`,
    `modified_gmt`,
    `slug`,
    `status`,
    `type`,
    `link`,
    `title`,
    `content`,
    `excerpt`,
    `author`,
    `featured_media`,
    `comment_status`,
    `ping_status`,
    `sticky`,
    `format`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `id` AS `__o_id`,
    `date` AS `__o_date`,
    `date_gmt` AS `__o_date_gmt`,
    `modified` AS `__o_modified`,
    `modified_gmt` AS `__o_modified_gmt`,
    `slug` AS `__o_slug`,
    `status` AS `__o_status`,
    `type` AS `__o_type`,
    `link` AS `__o_link`,
    `title` AS `__o_title`,
    `content` AS `__o_content`,
    `excerpt` AS `__o_excerpt`,
    `author` AS `__o_author`,
    `featured_media` AS `__o_featured_media`,
    `comment_status` AS `__o_comment_status`,
    `ping_status` AS `__o_ping_status`,
    `sticky` AS `__o_sticky`,
    `format` AS `__o_format`
  FROM `bronze_input`
),
s1 AS (
  SELECT `id`,
    `date`,
    `date_gmt`,
    `modified`,
    `modified_gmt`,
    `slug`,
    `status`,
    `type`,
    `link`,
    `title`,
    `content`,
    `excerpt`,
    `author`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_id`,
    `__o_date`,
    `__o_date_gmt`,
    `__o_modified`,
    `__o_modified_gmt`,
    `__o_slug`,
    `__o_status`,
    `__o_type`,
    `__o_link`,
    `__o_title`,
    `__o_content`,
    `__o_excerpt`,
    `__o_author`,
    `__o_featured_media`,
    `__o_comment_status`,
    `__o_ping_status`,
    `__o_sticky`,
    `__o_format`
  FROM s0
),
s2 AS (
  SELECT `id`,
    `date`,
    `date_gmt`,
    `modified`,
    `modified_gmt`,
    `slug`,
    `status`,
    `type`,
    `link`,
    replace(array_join(transform(split(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(`title`, '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&apos;', '\''), '&nbsp;', ' '), '&ndash;', '–'), '&mdash;', '—'), '&hellip;', '…'), '&rsquo;', '’'), '&lsquo;', '‘'), '&rdquo;', '”'), '&ldquo;', '“'), '&#'), (piece, i) -> CASE WHEN i = 0 THEN piece WHEN piece RLIKE '^[0-9]{1,7};' AND (CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INT) BETWEEN 1 AND 1114111 AND NOT (CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INT) BETWEEN 55296 AND 57343)) THEN concat(decode(unhex(lpad(hex(CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INT)), 8, '0')), 'UTF-32'), regexp_replace(piece, '^[0-9]{1,7};', '')) WHEN piece RLIKE '^[xX][0-9a-fA-F]{1,6};' AND (CAST(conv(regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1), 16, 10) AS INT) BETWEEN 1 AND 1114111 AND NOT (CAST(conv(regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1), 16, 10) AS INT) BETWEEN 55296 AND 57343)) THEN concat(decode(unhex(lpad(regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1), 8, '0')), 'UTF-32'), regexp_replace(piece, '^[xX][0-9a-fA-F]{1,6};', '')) ELSE concat('&#', piece) END), ''), '&amp;', '&') AS `title`,
    `content`,
    `excerpt`,
    `author`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_id`,
    `__o_date`,
    `__o_date_gmt`,
    `__o_modified`,
    `__o_modified_gmt`,
    `__o_slug`,
    `__o_status`,
    `__o_type`,
    `__o_link`,
    `__o_title`,
    `__o_content`,
    `__o_excerpt`,
    `__o_author`,
    `__o_featured_media`,
    `__o_comment_status`,
    `__o_ping_status`,
    `__o_sticky`,
    `__o_format`
  FROM s1
),
s3 AS (
  SELECT `id`,
    `date`,
    `date_gmt`,
    `modified`,
    `modified_gmt`,
    `slug`,
    `status`,
    `type`,
    `link`,
    `title`,
    `content`,
    `excerpt`,
    `author`,
    year(`date`) AS `date_year`,
    month(`date`) AS `date_month`,
    dayofmonth(`date`) AS `date_day`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_id`,
    `__o_date`,
    `__o_date_gmt`,
    `__o_modified`,
    `__o_modified_gmt`,
    `__o_slug`,
    `__o_status`,
    `__o_type`,
    `__o_link`,
    `__o_title`,
    `__o_content`,
    `__o_excerpt`,
    `__o_author`,
    `__o_featured_media`,
    `__o_comment_status`,
    `__o_ping_status`,
    `__o_sticky`,
    `__o_format`
  FROM s2
),
s4 AS (
  SELECT `id`,
    `date`,
    `date_gmt`,
    `modified`,
    `modified_gmt`,
    `slug`,
    `status`,
    `type`,
    `link`,
    `title`,
    `content`,
    `excerpt`,
    `author`,
    `date_year`,
    `date_month`,
    `date_day`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_id`,
    `__o_date`,
    `__o_date_gmt`,
    `__o_modified`,
    `__o_modified_gmt`,
    `__o_slug`,
    `__o_status`,
    `__o_type`,
    `__o_link`,
    `__o_title`,
    `__o_content`,
    `__o_excerpt`,
    `__o_author`,
    `__o_featured_media`,
    `__o_comment_status`,
    `__o_ping_status`,
    `__o_sticky`,
    `__o_format`,
    `id` AS `__dedup_3_k0`,
    `modified` AS `__dedup_3_by`
  FROM s3
),
live AS (
  SELECT `id`,
    `date`,
    `date_gmt`,
    `modified`,
    `modified_gmt`,
    `slug`,
    `status`,
    `type`,
    `link`,
    `title`,
    `content`,
    `excerpt`,
    `author`,
    `date_year`,
    `date_month`,
    `date_day`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_id`,
    `__o_date`,
    `__o_date_gmt`,
    `__o_modified`,
    `__o_modified_gmt`,
    `__o_slug`,
    `__o_status`,
    `__o_type`,
    `__o_link`,
    `__o_title`,
    `__o_content`,
    `__o_excerpt`,
    `__o_author`,
    `__o_featured_media`,
    `__o_comment_status`,
    `__o_ping_status`,
    `__o_sticky`,
    `__o_format`,
    `__dedup_3_k0`,
    `__dedup_3_by`,
    (`_malformed` IS NULL) AS __live
  FROM s4
),
checked AS (
  SELECT `id`,
    `date`,
    `date_gmt`,
    `modified`,
    `modified_gmt`,
    `slug`,
    `status`,
    `type`,
    `link`,
    `title`,
    `content`,
    `excerpt`,
    `author`,
    `date_year`,
    `date_month`,
    `date_day`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_id`,
    `__o_date`,
    `__o_date_gmt`,
    `__o_modified`,
    `__o_modified_gmt`,
    `__o_slug`,
    `__o_status`,
    `__o_type`,
    `__o_link`,
    `__o_title`,
    `__o_content`,
    `__o_excerpt`,
    `__o_author`,
    `__o_featured_media`,
    `__o_comment_status`,
    `__o_ping_status`,
    `__o_sticky`,
    `__o_format`,
    `__dedup_3_k0`,
    `__dedup_3_by`,
    `__live`,
    (`__live` AND FALSE) AS `__rule_partition_date_year`,
    (`__live` AND FALSE) AS `__rule_partition_date_month`,
    (`__live` AND `id` IS NULL) AS `__rule_0`,
    (`__live` AND (`status` IS NOT NULL AND NOT (CAST(`status` AS STRING) IN ('publish', 'draft', 'private', 'future', 'pending')))) AS `__rule_2`
  FROM live
),
valid AS (
  SELECT `id`,
    `date`,
    `date_gmt`,
    `modified`,
    `modified_gmt`,
    `slug`,
    `status`,
    `type`,
    `link`,
    `title`,
    `content`,
    `excerpt`,
    `author`,
    `date_year`,
    `date_month`,
    `date_day`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_id`,
    `__o_date`,
    `__o_date_gmt`,
    `__o_modified`,
    `__o_modified_gmt`,
    `__o_slug`,
    `__o_status`,
    `__o_type`,
    `__o_link`,
    `__o_title`,
    `__o_content`,
    `__o_excerpt`,
    `__o_author`,
    `__o_featured_media`,
    `__o_comment_status`,
    `__o_ping_status`,
    `__o_sticky`,
    `__o_format`,
    `__dedup_3_k0`,
    `__dedup_3_by`,
    `__live`,
    `__rule_partition_date_year`,
    `__rule_partition_date_month`,
    `__rule_0`,
    `__rule_2`,
    (`__live` AND NOT `__rule_partition_date_year` AND NOT `__rule_partition_date_month` AND NOT `__rule_0` AND NOT `__rule_2`) AS `__valid`
  FROM checked
),
deduplicated3 AS (
  SELECT `id`,
    `date`,
    `date_gmt`,
    `modified`,
    `modified_gmt`,
    `slug`,
    `status`,
    `type`,
    `link`,
    `title`,
    `content`,
    `excerpt`,
    `author`,
    `date_year`,
    `date_month`,
    `date_day`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_id`,
    `__o_date`,
    `__o_date_gmt`,
    `__o_modified`,
    `__o_modified_gmt`,
    `__o_slug`,
    `__o_status`,
    `__o_type`,
    `__o_link`,
    `__o_title`,
    `__o_content`,
    `__o_excerpt`,
    `__o_author`,
    `__o_featured_media`,
    `__o_comment_status`,
    `__o_ping_status`,
    `__o_sticky`,
    `__o_format`,
    `__dedup_3_k0`,
    `__dedup_3_by`,
    `__live`,
    `__rule_partition_date_year`,
    `__rule_partition_date_month`,
    `__rule_0`,
    `__rule_2`,
    `__valid`,
    ((`__valid`) AND `__dedup_3_k0` IS NOT NULL AND row_number() OVER (PARTITION BY (`__valid`), `__dedup_3_k0` ORDER BY `__dedup_3_by` DESC NULLS LAST, `_record_number` DESC) > 1) AS `__duplicate_3`
  FROM valid
),
keyed AS (
  SELECT `id`,
    `date`,
    `date_gmt`,
    `modified`,
    `modified_gmt`,
    `slug`,
    `status`,
    `type`,
    `link`,
    `title`,
    `content`,
    `excerpt`,
    `author`,
    `date_year`,
    `date_month`,
    `date_day`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_id`,
    `__o_date`,
    `__o_date_gmt`,
    `__o_modified`,
    `__o_modified_gmt`,
    `__o_slug`,
    `__o_status`,
    `__o_type`,
    `__o_link`,
    `__o_title`,
    `__o_content`,
    `__o_excerpt`,
    `__o_author`,
    `__o_featured_media`,
    `__o_comment_status`,
    `__o_ping_status`,
    `__o_sticky`,
    `__o_format`,
    `__dedup_3_k0`,
    `__dedup_3_by`,
    `__live`,
    `__rule_partition_date_year`,
    `__rule_partition_date_month`,
    `__rule_0`,
    `__rule_2`,
    `__valid`,
    `__duplicate_3`,
    ((`__valid` AND NOT `__duplicate_3`) AND (`id` IS NOT NULL AND coalesce(`_record_number` > `__rule_1_first`, FALSE))) AS `__rule_1`
  FROM deduplicated3
  LEFT JOIN (SELECT `id` AS `__rule_1_k0`, min(`_record_number`) AS `__rule_1_first`
    FROM deduplicated3 WHERE (`__valid` AND NOT `__duplicate_3`) GROUP BY `id` HAVING count(*) > 1) AS `__rule_1_keys`
    ON `__rule_1_k0` = deduplicated3.`id`
)
SELECT `id`,
    `date`,
    `date_gmt`,
    `modified`,
    `modified_gmt`,
    `slug`,
    `status`,
    `type`,
    `link`,
    `title`,
    `content`,
    `excerpt`,
    `author`,
    `date_year`,
    `date_month`,
    `date_day`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_id`,
    `__o_date`,
    `__o_date_gmt`,
    `__o_modified`,
    `__o_modified_gmt`,
    `__o_slug`,
    `__o_status`,
    `__o_type`,
    `__o_link`,
    `__o_title`,
    `__o_content`,
    `__o_excerpt`,
    `__o_author`,
    `__o_featured_media`,
    `__o_comment_status`,
    `__o_ping_status`,
    `__o_sticky`,
    `__o_format`,
    `__dedup_3_k0`,
    `__dedup_3_by`,
    `__live`,
    `__rule_partition_date_year`,
    `__rule_partition_date_month`,
    `__rule_0`,
    `__rule_2`,
    `__valid`,
    `__duplicate_3`,
    `__rule_1`,
    CASE WHEN `_malformed` IS NOT NULL THEN array('malformed') ELSE filter(array(CASE WHEN `__rule_partition_date_year` THEN 'partition_date_year' END, CASE WHEN `__rule_partition_date_month` THEN 'partition_date_month' END, CASE WHEN `__rule_0` THEN 'not_null_id' END, CASE WHEN `__rule_1` THEN 'unique_id' END, CASE WHEN `__rule_2` THEN 'accepted_values_status' END), __rule -> __rule IS NOT NULL) END AS `_rule_failures`,
    CAST(array() AS ARRAY<STRING>) AS `_warnings`,
    CASE WHEN `_malformed` IS NOT NULL THEN 'quarantine' WHEN `__rule_partition_date_year` THEN 'quarantine' WHEN `__rule_partition_date_month` THEN 'quarantine' WHEN `__rule_0` THEN 'quarantine' WHEN `__rule_2` THEN 'quarantine' WHEN `__duplicate_3` THEN 'duplicate' WHEN `__rule_1` THEN 'quarantine' ELSE 'silver' END AS `__disposition`
  FROM keyed;

CACHE TABLE routed;

SELECT count(*) AS rows_read, count_if(__disposition = 'silver') AS silver, count_if(__disposition = 'quarantine') AS quarantined, count_if(__disposition = 'duplicate') AS duplicates, count_if(__disposition = 'filtered') AS filtered, count(_malformed) AS malformed, count_if(`__rule_partition_date_year`) AS `__rule_partition_date_year`, count_if(`__rule_partition_date_month`) AS `__rule_partition_date_month`, count_if(`__rule_0`) AS `__rule_0`, count_if(`__rule_1`) AS `__rule_1`, count_if(`__rule_2`) AS `__rule_2` FROM routed;

SELECT `id`, `date`, `date_gmt`, `modified`, `modified_gmt`, `slug`, `status`, `type`, `link`, `title`, `content`, `excerpt`, `author`, `date_year`, `date_month`, `date_day`, `_run_key`, `_source_file`, `_ingested_at`, `_warnings` FROM routed WHERE __disposition = 'silver';

SELECT `__o_id` AS `id`, `__o_date` AS `date`, `__o_date_gmt` AS `date_gmt`, `__o_modified` AS `modified`, `__o_modified_gmt` AS `modified_gmt`, `__o_slug` AS `slug`, `__o_status` AS `status`, `__o_type` AS `type`, `__o_link` AS `link`, `__o_title` AS `title`, `__o_content` AS `content`, `__o_excerpt` AS `excerpt`, `__o_author` AS `author`, `__o_featured_media` AS `featured_media`, `__o_comment_status` AS `comment_status`, `__o_ping_status` AS `ping_status`, `__o_sticky` AS `sticky`, `__o_format` AS `format`, `_rule_failures`, `_malformed`, `_raw`, `_source_file`, `_record_number`, `_ingested_at`, `_run_key` FROM routed WHERE __disposition = 'quarantine';

UNCACHE TABLE IF EXISTS routed;

-- ===== wordpress_api.statistics_pages: bronze (spark) =====
CREATE TABLE raw_loaded (value STRING) USING text;

WITH documents AS (
  SELECT value, trim(BOTH '\uFEFF \t\r\n' FROM value) AS __document
  FROM raw_loaded
),
checked AS (
  SELECT value, __document, coalesce(json_array_length(concat('[', __document, ',0]')) = 2, false) AS __valid
  FROM documents WHERE __document <> ''
),
elements AS (
  SELECT explode(CASE WHEN NOT __valid THEN array(value) WHEN startswith(__document, '[') THEN coalesce(from_json(__document, 'ARRAY<STRING>'), array(value)) ELSE array(__document) END) AS __element, __valid
  FROM checked
),
objects AS (
  SELECT __element, CASE WHEN __valid AND startswith(__element, '{') THEN __element END AS __object
  FROM elements
),
parsed AS (
  SELECT __element, __object, from_json(__object, '`id` STRING, `title` STRING, `url` STRING, `views` STRING, `date` STRING, `__corrupt` STRING', map('columnNameOfCorruptRecord', '__corrupt')) AS __parsed
  FROM objects
)
SELECT __parsed.`id`, __parsed.`title`, __parsed.`url`, __parsed.`views`, __parsed.`date`,
  CASE WHEN __object IS NULL THEN coalesce(__element, 'null') ELSE __parsed.`__corrupt` END AS `__corrupt`
FROM parsed;

CREATE OR REPLACE TEMPORARY VIEW bronze_rows AS
WITH scanned AS (
  SELECT CAST(`id` AS STRING) AS __f_0, CAST(`title` AS STRING) AS __f_1, CAST(`url` AS STRING) AS __f_2, CAST(`views` AS STRING) AS __f_3, CAST(`date` AS STRING) AS __f_4,
    CASE WHEN `__corrupt` IS NOT NULL THEN 'not a valid JSON record (Spark could not parse it)' END AS __malformed, `__corrupt` AS __raw,
    input_file_name() AS __file, monotonically_increasing_id() AS __scan
  FROM raw_records
),
file_offsets AS (
  SELECT __file, coalesce(sum(count(*)) OVER (ORDER BY __file ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS __offset
  FROM scanned GROUP BY __file
),
numbered AS (
  SELECT s.*, CAST(o.__offset + row_number() OVER (PARTITION BY s.__file ORDER BY s.__scan) AS BIGINT) AS __record
  FROM scanned s JOIN file_offsets o ON s.__file = o.__file
)
SELECT CASE WHEN (__f_0 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_0 AS BIGINT) END AS `id`, CAST(__f_1 AS STRING) AS `title`, CAST(__f_2 AS STRING) AS `url`, CASE WHEN (__f_3 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_3 AS BIGINT) END AS `views`, CASE WHEN (__f_4 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01]) *\\z') THEN try_cast(__f_4 AS DATE) END AS `date`,
  coalesce(__malformed, nullif(concat_ws('; ', CASE WHEN __f_0 IS NOT NULL AND CASE WHEN (__f_0 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_0 AS BIGINT) END IS NULL THEN 'column `id` does not cast to long: ' || __f_0 END, CASE WHEN __f_3 IS NOT NULL AND CASE WHEN (__f_3 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_3 AS BIGINT) END IS NULL THEN 'column `views` does not cast to long: ' || __f_3 END, CASE WHEN __f_4 IS NOT NULL AND CASE WHEN (__f_4 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01]) *\\z') THEN try_cast(__f_4 AS DATE) END IS NULL THEN 'column `date` does not cast to date: ' || __f_4 END), '')) AS _malformed,
  CASE WHEN __malformed IS NOT NULL THEN __raw WHEN nullif(concat_ws('; ', CASE WHEN __f_0 IS NOT NULL AND CASE WHEN (__f_0 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_0 AS BIGINT) END IS NULL THEN 'column `id` does not cast to long: ' || __f_0 END, CASE WHEN __f_3 IS NOT NULL AND CASE WHEN (__f_3 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_3 AS BIGINT) END IS NULL THEN 'column `views` does not cast to long: ' || __f_3 END, CASE WHEN __f_4 IS NOT NULL AND CASE WHEN (__f_4 RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01]) *\\z') THEN try_cast(__f_4 AS DATE) END IS NULL THEN 'column `date` does not cast to date: ' || __f_4 END), '') IS NOT NULL THEN to_json(named_struct('id', __f_0, 'title', __f_1, 'url', __f_2, 'views', __f_3, 'date', __f_4), map('ignoreNullFields', 'false')) END AS _raw,
  'run-key' AS _run_key,
  CASE WHEN instr(__file, '/srv/medallion/samples/') > 0 THEN substr(__file, instr(__file, '/srv/medallion/samples/') + 23) ELSE __file END AS _source_file,
  TIMESTAMP '1970-01-01 00:00:00.000000Z' AS _ingested_at,
  __record AS _record_number,
  DATE '1970-01-01' AS _ingest_date
FROM numbered;

CACHE TABLE bronze_rows;

SELECT count(*) AS rows_read, count(_malformed) AS malformed FROM bronze_rows;

SELECT * FROM bronze_rows WHERE _run_key = 'run-key';

UNCACHE TABLE IF EXISTS bronze_rows;

-- ===== wordpress_api.statistics_pages: silver (spark) =====
CREATE OR REPLACE TEMPORARY VIEW bronze_input AS SELECT * FROM delta.`/srv/medallion/lake/bronze/wordpress_api/statistics_pages/schema_v=1` WHERE _run_key = 'run-key';

CREATE OR REPLACE TEMPORARY VIEW routed AS
WITH s0 AS (
  SELECT `id`,
    `title`,
    `url`,
    `views`,
    `date`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `id` AS `__o_id`,
    `title` AS `__o_title`,
    `url` AS `__o_url`,
    `views` AS `__o_views`,
    `date` AS `__o_date`
  FROM `bronze_input`
),
s1 AS (
  SELECT `id`,
    replace(array_join(transform(split(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(`title`, '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&apos;', '\''), '&nbsp;', ' '), '&ndash;', '–'), '&mdash;', '—'), '&hellip;', '…'), '&rsquo;', '’'), '&lsquo;', '‘'), '&rdquo;', '”'), '&ldquo;', '“'), '&#'), (piece, i) -> CASE WHEN i = 0 THEN piece WHEN piece RLIKE '^[0-9]{1,7};' AND (CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INT) BETWEEN 1 AND 1114111 AND NOT (CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INT) BETWEEN 55296 AND 57343)) THEN concat(decode(unhex(lpad(hex(CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INT)), 8, '0')), 'UTF-32'), regexp_replace(piece, '^[0-9]{1,7};', '')) WHEN piece RLIKE '^[xX][0-9a-fA-F]{1,6};' AND (CAST(conv(regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1), 16, 10) AS INT) BETWEEN 1 AND 1114111 AND NOT (CAST(conv(regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1), 16, 10) AS INT) BETWEEN 55296 AND 57343)) THEN concat(decode(unhex(lpad(regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1), 8, '0')), 'UTF-32'), regexp_replace(piece, '^[xX][0-9a-fA-F]{1,6};', '')) ELSE concat('&#', piece) END), ''), '&amp;', '&') AS `title`,
    `url`,
    `views`,
    `date`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_id`,
    `__o_title`,
    `__o_url`,
    `__o_views`,
    `__o_date`
  FROM s0
),
s2 AS (
  SELECT `id`,
    `title`,
    `url`,
    `views`,
    `date`,
    year(`date`) AS `date_year`,
    month(`date`) AS `date_month`,
    dayofmonth(`date`) AS `date_day`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_id`,
    `__o_title`,
    `__o_url`,
    `__o_views`,
    `__o_date`
  FROM s1
),
live AS (
  SELECT `id`,
    `title`,
    `url`,
    `views`,
    `date`,
    `date_year`,
    `date_month`,
    `date_day`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_id`,
    `__o_title`,
    `__o_url`,
    `__o_views`,
    `__o_date`,
    (`_malformed` IS NULL) AS __live
  FROM s2
),
checked AS (
  SELECT `id`,
    `title`,
    `url`,
    `views`,
    `date`,
    `date_year`,
    `date_month`,
    `date_day`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_id`,
    `__o_title`,
    `__o_url`,
    `__o_views`,
    `__o_date`,
    `__live`,
    (`__live` AND FALSE) AS `__rule_partition_date_year`,
    (`__live` AND FALSE) AS `__rule_partition_date_month`,
    (`__live` AND `id` IS NULL) AS `__rule_0`,
    (`__live` AND (`views` IS NOT NULL AND NOT (`views` >= try_cast('0' AS BIGINT)))) AS `__rule_2`
  FROM live
),
valid AS (
  SELECT `id`,
    `title`,
    `url`,
    `views`,
    `date`,
    `date_year`,
    `date_month`,
    `date_day`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_id`,
    `__o_title`,
    `__o_url`,
    `__o_views`,
    `__o_date`,
    `__live`,
    `__rule_partition_date_year`,
    `__rule_partition_date_month`,
    `__rule_0`,
    `__rule_2`,
    (`__live` AND NOT `__rule_partition_date_year` AND NOT `__rule_partition_date_month` AND NOT `__rule_0` AND NOT `__rule_2`) AS `__valid`
  FROM checked
),
keyed AS (
  SELECT `id`,
    `title`,
    `url`,
    `views`,
    `date`,
    `date_year`,
    `date_month`,
    `date_day`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_id`,
    `__o_title`,
    `__o_url`,
    `__o_views`,
    `__o_date`,
    `__live`,
    `__rule_partition_date_year`,
    `__rule_partition_date_month`,
    `__rule_0`,
    `__rule_2`,
    `__valid`,
    ((`__valid`) AND (`id` IS NOT NULL AND `date` IS NOT NULL AND coalesce(`_record_number` > `__rule_1_first`, FALSE))) AS `__rule_1`
  FROM valid
  LEFT JOIN (SELECT `id` AS `__rule_1_k0`, `date` AS `__rule_1_k1`, min(`_record_number`) AS `__rule_1_first`
    FROM valid WHERE (`__valid`) GROUP BY `id`, `date` HAVING count(*) > 1) AS `__rule_1_keys`
    ON `__rule_1_k0` = valid.`id` AND `__rule_1_k1` = valid.`date`
)
SELECT `id`,
    `title`,
    `url`,
    `views`,
    `date`,
    `date_year`,
    `date_month`,
    `date_day`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_id`,
    `__o_title`,
    `__o_url`,
    `__o_views`,
    `__o_date`,
    `__live`,
    `__rule_partition_date_year`,
    `__rule_partition_date_month`,
    `__rule_0`,
    `__rule_2`,
    `__valid`,
    `__rule_1`,
    CASE WHEN `_malformed` IS NOT NULL THEN array('malformed') ELSE filter(array(CASE WHEN `__rule_partition_date_year` THEN 'partition_date_year' END, CASE WHEN `__rule_partition_date_month` THEN 'partition_date_month' END, CASE WHEN `__rule_0` THEN 'not_null_id' END, CASE WHEN `__rule_1` THEN 'unique_id_date' END, CASE WHEN `__rule_2` THEN 'range_views' END), __rule -> __rule IS NOT NULL) END AS `_rule_failures`,
    CAST(array() AS ARRAY<STRING>) AS `_warnings`,
    CASE WHEN `_malformed` IS NOT NULL THEN 'quarantine' WHEN `__rule_partition_date_year` THEN 'quarantine' WHEN `__rule_partition_date_month` THEN 'quarantine' WHEN `__rule_0` THEN 'quarantine' WHEN `__rule_2` THEN 'quarantine' WHEN `__rule_1` THEN 'quarantine' ELSE 'silver' END AS `__disposition`
  FROM keyed;

CACHE TABLE routed;

SELECT count(*) AS rows_read, count_if(__disposition = 'silver') AS silver, count_if(__disposition = 'quarantine') AS quarantined, count_if(__disposition = 'duplicate') AS duplicates, count_if(__disposition = 'filtered') AS filtered, count(_malformed) AS malformed, count_if(`__rule_partition_date_year`) AS `__rule_partition_date_year`, count_if(`__rule_partition_date_month`) AS `__rule_partition_date_month`, count_if(`__rule_0`) AS `__rule_0`, count_if(`__rule_1`) AS `__rule_1`, count_if(`__rule_2`) AS `__rule_2` FROM routed;

SELECT `id`, `title`, `url`, `views`, `date`, `date_year`, `date_month`, `date_day`, `_run_key`, `_source_file`, `_ingested_at`, `_warnings` FROM routed WHERE __disposition = 'silver';

SELECT `__o_id` AS `id`, `__o_title` AS `title`, `__o_url` AS `url`, `__o_views` AS `views`, `__o_date` AS `date`, `_rule_failures`, `_malformed`, `_raw`, `_source_file`, `_record_number`, `_ingested_at`, `_run_key` FROM routed WHERE __disposition = 'quarantine';

UNCACHE TABLE IF EXISTS routed;

-- ===== wordpress_api.terms: bronze (spark) =====
CREATE TABLE raw_loaded (value STRING) USING text;

WITH documents AS (
  SELECT value, trim(BOTH '\uFEFF \t\r\n' FROM value) AS __document
  FROM raw_loaded
),
checked AS (
  SELECT value, __document, coalesce(json_array_length(concat('[', __document, ',0]')) = 2, false) AS __valid
  FROM documents WHERE __document <> ''
),
elements AS (
  SELECT explode(CASE WHEN NOT __valid THEN array(value) WHEN startswith(__document, '[') THEN coalesce(from_json(__document, 'ARRAY<STRING>'), array(value)) ELSE array(__document) END) AS __element, __valid
  FROM checked
),
objects AS (
  SELECT __element, CASE WHEN __valid AND startswith(__element, '{') THEN __element END AS __object
  FROM elements
),
parsed AS (
  SELECT __element, __object, from_json(__object, '`term_id` STRING, `name` STRING, `slug` STRING, `term_group` STRING, `__corrupt` STRING', map('columnNameOfCorruptRecord', '__corrupt')) AS __parsed
  FROM objects
)
SELECT __parsed.`term_id`, __parsed.`name`, __parsed.`slug`, __parsed.`term_group`,
  CASE WHEN __object IS NULL THEN coalesce(__element, 'null') ELSE __parsed.`__corrupt` END AS `__corrupt`
FROM parsed;

CREATE OR REPLACE TEMPORARY VIEW bronze_rows AS
WITH scanned AS (
  SELECT CAST(`term_id` AS STRING) AS __f_0, CAST(`name` AS STRING) AS __f_1, CAST(`slug` AS STRING) AS __f_2, CAST(`term_group` AS STRING) AS __f_3,
    CASE WHEN `__corrupt` IS NOT NULL THEN 'not a valid JSON record (Spark could not parse it)' END AS __malformed, `__corrupt` AS __raw,
    input_file_name() AS __file, monotonically_increasing_id() AS __scan
  FROM raw_records
),
file_offsets AS (
  SELECT __file, coalesce(sum(count(*)) OVER (ORDER BY __file ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS __offset
  FROM scanned GROUP BY __file
),
numbered AS (
  SELECT s.*, CAST(o.__offset + row_number() OVER (PARTITION BY s.__file ORDER BY s.__scan) AS BIGINT) AS __record
  FROM scanned s JOIN file_offsets o ON s.__file = o.__file
)
SELECT CASE WHEN (__f_0 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_0 AS BIGINT) END AS `term_id`, CAST(__f_1 AS STRING) AS `name`, CAST(__f_2 AS STRING) AS `slug`, CASE WHEN (__f_3 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_3 AS BIGINT) END AS `term_group`,
  coalesce(__malformed, nullif(concat_ws('; ', CASE WHEN __f_0 IS NOT NULL AND CASE WHEN (__f_0 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_0 AS BIGINT) END IS NULL THEN 'column `term_id` does not cast to long: ' || __f_0 END, CASE WHEN __f_3 IS NOT NULL AND CASE WHEN (__f_3 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_3 AS BIGINT) END IS NULL THEN 'column `term_group` does not cast to long: ' || __f_3 END), '')) AS _malformed,
  CASE WHEN __malformed IS NOT NULL THEN __raw WHEN nullif(concat_ws('; ', CASE WHEN __f_0 IS NOT NULL AND CASE WHEN (__f_0 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_0 AS BIGINT) END IS NULL THEN 'column `term_id` does not cast to long: ' || __f_0 END, CASE WHEN __f_3 IS NOT NULL AND CASE WHEN (__f_3 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_3 AS BIGINT) END IS NULL THEN 'column `term_group` does not cast to long: ' || __f_3 END), '') IS NOT NULL THEN to_json(named_struct('term_id', __f_0, 'name', __f_1, 'slug', __f_2, 'term_group', __f_3), map('ignoreNullFields', 'false')) END AS _raw,
  'run-key' AS _run_key,
  CASE WHEN instr(__file, '/srv/medallion/samples/') > 0 THEN substr(__file, instr(__file, '/srv/medallion/samples/') + 23) ELSE __file END AS _source_file,
  TIMESTAMP '1970-01-01 00:00:00.000000Z' AS _ingested_at,
  __record AS _record_number,
  DATE '1970-01-01' AS _ingest_date
FROM numbered;

CACHE TABLE bronze_rows;

SELECT count(*) AS rows_read, count(_malformed) AS malformed FROM bronze_rows;

SELECT * FROM bronze_rows WHERE _run_key = 'run-key';

UNCACHE TABLE IF EXISTS bronze_rows;

-- ===== wordpress_api.terms: silver (spark) =====
CREATE OR REPLACE TEMPORARY VIEW bronze_input AS SELECT * FROM delta.`/srv/medallion/lake/bronze/wordpress_api/terms/schema_v=1` WHERE _run_key = 'run-key';

CREATE OR REPLACE TEMPORARY VIEW routed AS
WITH s0 AS (
  SELECT `term_id`,
    `name`,
    `slug`,
    `term_group`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `term_id` AS `__o_term_id`,
    `name` AS `__o_name`,
    `slug` AS `__o_slug`,
    `term_group` AS `__o_term_group`
  FROM `bronze_input`
),
s1 AS (
  SELECT `term_id`,
    replace(array_join(transform(split(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(`name`, '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&apos;', '\''), '&nbsp;', ' '), '&ndash;', '–'), '&mdash;', '—'), '&hellip;', '…'), '&rsquo;', '’'), '&lsquo;', '‘'), '&rdquo;', '”'), '&ldquo;', '“'), '&#'), (piece, i) -> CASE WHEN i = 0 THEN piece WHEN piece RLIKE '^[0-9]{1,7};' AND (CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INT) BETWEEN 1 AND 1114111 AND NOT (CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INT) BETWEEN 55296 AND 57343)) THEN concat(decode(unhex(lpad(hex(CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INT)), 8, '0')), 'UTF-32'), regexp_replace(piece, '^[0-9]{1,7};', '')) WHEN piece RLIKE '^[xX][0-9a-fA-F]{1,6};' AND (CAST(conv(regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1), 16, 10) AS INT) BETWEEN 1 AND 1114111 AND NOT (CAST(conv(regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1), 16, 10) AS INT) BETWEEN 55296 AND 57343)) THEN concat(decode(unhex(lpad(regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1), 8, '0')), 'UTF-32'), regexp_replace(piece, '^[xX][0-9a-fA-F]{1,6};', '')) ELSE concat('&#', piece) END), ''), '&amp;', '&') AS `name`,
    `slug`,
    `term_group`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_term_id`,
    `__o_name`,
    `__o_slug`,
    `__o_term_group`
  FROM s0
),
live AS (
  SELECT `term_id`,
    `name`,
    `slug`,
    `term_group`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_term_id`,
    `__o_name`,
    `__o_slug`,
    `__o_term_group`,
    (`_malformed` IS NULL) AS __live
  FROM s1
),
checked AS (
  SELECT `term_id`,
    `name`,
    `slug`,
    `term_group`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_term_id`,
    `__o_name`,
    `__o_slug`,
    `__o_term_group`,
    `__live`,
    (`__live` AND `term_id` IS NULL) AS `__rule_0`
  FROM live
),
valid AS (
  SELECT `term_id`,
    `name`,
    `slug`,
    `term_group`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_term_id`,
    `__o_name`,
    `__o_slug`,
    `__o_term_group`,
    `__live`,
    `__rule_0`,
    (`__live` AND NOT `__rule_0`) AS `__valid`
  FROM checked
),
keyed AS (
  SELECT `term_id`,
    `name`,
    `slug`,
    `term_group`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_term_id`,
    `__o_name`,
    `__o_slug`,
    `__o_term_group`,
    `__live`,
    `__rule_0`,
    `__valid`,
    ((`__valid`) AND (`term_id` IS NOT NULL AND coalesce(`_record_number` > `__rule_1_first`, FALSE))) AS `__rule_1`
  FROM valid
  LEFT JOIN (SELECT `term_id` AS `__rule_1_k0`, min(`_record_number`) AS `__rule_1_first`
    FROM valid WHERE (`__valid`) GROUP BY `term_id` HAVING count(*) > 1) AS `__rule_1_keys`
    ON `__rule_1_k0` = valid.`term_id`
)
SELECT `term_id`,
    `name`,
    `slug`,
    `term_group`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_term_id`,
    `__o_name`,
    `__o_slug`,
    `__o_term_group`,
    `__live`,
    `__rule_0`,
    `__valid`,
    `__rule_1`,
    CASE WHEN `_malformed` IS NOT NULL THEN array('malformed') ELSE filter(array(CASE WHEN `__rule_0` THEN 'not_null_term_id' END, CASE WHEN `__rule_1` THEN 'unique_term_id' END), __rule -> __rule IS NOT NULL) END AS `_rule_failures`,
    CAST(array() AS ARRAY<STRING>) AS `_warnings`,
    CASE WHEN `_malformed` IS NOT NULL THEN 'quarantine' WHEN `__rule_0` THEN 'quarantine' WHEN `__rule_1` THEN 'quarantine' ELSE 'silver' END AS `__disposition`
  FROM keyed;

CACHE TABLE routed;

SELECT count(*) AS rows_read, count_if(__disposition = 'silver') AS silver, count_if(__disposition = 'quarantine') AS quarantined, count_if(__disposition = 'duplicate') AS duplicates, count_if(__disposition = 'filtered') AS filtered, count(_malformed) AS malformed, count_if(`__rule_0`) AS `__rule_0`, count_if(`__rule_1`) AS `__rule_1` FROM routed;

SELECT `term_id`, `name`, `slug`, `term_group`, `_run_key`, `_source_file`, `_ingested_at`, `_warnings` FROM routed WHERE __disposition = 'silver';

SELECT `__o_term_id` AS `term_id`, `__o_name` AS `name`, `__o_slug` AS `slug`, `__o_term_group` AS `term_group`, `_rule_failures`, `_malformed`, `_raw`, `_source_file`, `_record_number`, `_ingested_at`, `_run_key` FROM routed WHERE __disposition = 'quarantine';

UNCACHE TABLE IF EXISTS routed;

-- ===== wordpress_api.term_taxonomy: bronze (spark) =====
CREATE TABLE raw_loaded (value STRING) USING text;

WITH documents AS (
  SELECT value, trim(BOTH '\uFEFF \t\r\n' FROM value) AS __document
  FROM raw_loaded
),
checked AS (
  SELECT value, __document, coalesce(json_array_length(concat('[', __document, ',0]')) = 2, false) AS __valid
  FROM documents WHERE __document <> ''
),
elements AS (
  SELECT explode(CASE WHEN NOT __valid THEN array(value) WHEN startswith(__document, '[') THEN coalesce(from_json(__document, 'ARRAY<STRING>'), array(value)) ELSE array(__document) END) AS __element, __valid
  FROM checked
),
objects AS (
  SELECT __element, CASE WHEN __valid AND startswith(__element, '{') THEN __element END AS __object
  FROM elements
),
parsed AS (
  SELECT __element, __object, from_json(__object, '`term_taxonomy_id` STRING, `term_id` STRING, `taxonomy` STRING, `description` STRING, `parent` STRING, `count` STRING, `__corrupt` STRING', map('columnNameOfCorruptRecord', '__corrupt')) AS __parsed
  FROM objects
)
SELECT __parsed.`term_taxonomy_id`, __parsed.`term_id`, __parsed.`taxonomy`, __parsed.`description`, __parsed.`parent`, __parsed.`count`,
  CASE WHEN __object IS NULL THEN coalesce(__element, 'null') ELSE __parsed.`__corrupt` END AS `__corrupt`
FROM parsed;

CREATE OR REPLACE TEMPORARY VIEW bronze_rows AS
WITH scanned AS (
  SELECT CAST(`term_taxonomy_id` AS STRING) AS __f_0, CAST(`term_id` AS STRING) AS __f_1, CAST(`taxonomy` AS STRING) AS __f_2, CAST(`description` AS STRING) AS __f_3, CAST(`parent` AS STRING) AS __f_4, CAST(`count` AS STRING) AS __f_5,
    CASE WHEN `__corrupt` IS NOT NULL THEN 'not a valid JSON record (Spark could not parse it)' END AS __malformed, `__corrupt` AS __raw,
    input_file_name() AS __file, monotonically_increasing_id() AS __scan
  FROM raw_records
),
file_offsets AS (
  SELECT __file, coalesce(sum(count(*)) OVER (ORDER BY __file ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS __offset
  FROM scanned GROUP BY __file
),
numbered AS (
  SELECT s.*, CAST(o.__offset + row_number() OVER (PARTITION BY s.__file ORDER BY s.__scan) AS BIGINT) AS __record
  FROM scanned s JOIN file_offsets o ON s.__file = o.__file
)
SELECT CASE WHEN (__f_0 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_0 AS BIGINT) END AS `term_taxonomy_id`, CASE WHEN (__f_1 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_1 AS BIGINT) END AS `term_id`, CAST(__f_2 AS STRING) AS `taxonomy`, CAST(__f_3 AS STRING) AS `description`, CASE WHEN (__f_4 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_4 AS BIGINT) END AS `parent`, CASE WHEN (__f_5 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_5 AS BIGINT) END AS `count`,
  coalesce(__malformed, nullif(concat_ws('; ', CASE WHEN __f_0 IS NOT NULL AND CASE WHEN (__f_0 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_0 AS BIGINT) END IS NULL THEN 'column `term_taxonomy_id` does not cast to long: ' || __f_0 END, CASE WHEN __f_1 IS NOT NULL AND CASE WHEN (__f_1 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_1 AS BIGINT) END IS NULL THEN 'column `term_id` does not cast to long: ' || __f_1 END, CASE WHEN __f_4 IS NOT NULL AND CASE WHEN (__f_4 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_4 AS BIGINT) END IS NULL THEN 'column `parent` does not cast to long: ' || __f_4 END, CASE WHEN __f_5 IS NOT NULL AND CASE WHEN (__f_5 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_5 AS BIGINT) END IS NULL THEN 'column `count` does not cast to long: ' || __f_5 END), '')) AS _malformed,
  CASE WHEN __malformed IS NOT NULL THEN __raw WHEN nullif(concat_ws('; ', CASE WHEN __f_0 IS NOT NULL AND CASE WHEN (__f_0 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_0 AS BIGINT) END IS NULL THEN 'column `term_taxonomy_id` does not cast to long: ' || __f_0 END, CASE WHEN __f_1 IS NOT NULL AND CASE WHEN (__f_1 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_1 AS BIGINT) END IS NULL THEN 'column `term_id` does not cast to long: ' || __f_1 END, CASE WHEN __f_4 IS NOT NULL AND CASE WHEN (__f_4 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_4 AS BIGINT) END IS NULL THEN 'column `parent` does not cast to long: ' || __f_4 END, CASE WHEN __f_5 IS NOT NULL AND CASE WHEN (__f_5 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_5 AS BIGINT) END IS NULL THEN 'column `count` does not cast to long: ' || __f_5 END), '') IS NOT NULL THEN to_json(named_struct('term_taxonomy_id', __f_0, 'term_id', __f_1, 'taxonomy', __f_2, 'description', __f_3, 'parent', __f_4, 'count', __f_5), map('ignoreNullFields', 'false')) END AS _raw,
  'run-key' AS _run_key,
  CASE WHEN instr(__file, '/srv/medallion/samples/') > 0 THEN substr(__file, instr(__file, '/srv/medallion/samples/') + 23) ELSE __file END AS _source_file,
  TIMESTAMP '1970-01-01 00:00:00.000000Z' AS _ingested_at,
  __record AS _record_number,
  DATE '1970-01-01' AS _ingest_date
FROM numbered;

CACHE TABLE bronze_rows;

SELECT count(*) AS rows_read, count(_malformed) AS malformed FROM bronze_rows;

SELECT * FROM bronze_rows WHERE _run_key = 'run-key';

UNCACHE TABLE IF EXISTS bronze_rows;

-- ===== wordpress_api.term_taxonomy: silver (spark) =====
CREATE OR REPLACE TEMPORARY VIEW bronze_input AS SELECT * FROM delta.`/srv/medallion/lake/bronze/wordpress_api/term_taxonomy/schema_v=1` WHERE _run_key = 'run-key';

CREATE OR REPLACE TEMPORARY VIEW routed AS
WITH s0 AS (
  SELECT `term_taxonomy_id`,
    `term_id`,
    `taxonomy`,
    `description`,
    `parent`,
    `count`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `term_taxonomy_id` AS `__o_term_taxonomy_id`,
    `term_id` AS `__o_term_id`,
    `taxonomy` AS `__o_taxonomy`,
    `description` AS `__o_description`,
    `parent` AS `__o_parent`,
    `count` AS `__o_count`
  FROM `bronze_input`
),
s1 AS (
  SELECT `term_taxonomy_id`,
    `term_id`,
    `taxonomy`,
    replace(array_join(transform(split(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(`description`, '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&apos;', '\''), '&nbsp;', ' '), '&ndash;', '–'), '&mdash;', '—'), '&hellip;', '…'), '&rsquo;', '’'), '&lsquo;', '‘'), '&rdquo;', '”'), '&ldquo;', '“'), '&#'), (piece, i) -> CASE WHEN i = 0 THEN piece WHEN piece RLIKE '^[0-9]{1,7};' AND (CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INT) BETWEEN 1 AND 1114111 AND NOT (CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INT) BETWEEN 55296 AND 57343)) THEN concat(decode(unhex(lpad(hex(CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INT)), 8, '0')), 'UTF-32'), regexp_replace(piece, '^[0-9]{1,7};', '')) WHEN piece RLIKE '^[xX][0-9a-fA-F]{1,6};' AND (CAST(conv(regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1), 16, 10) AS INT) BETWEEN 1 AND 1114111 AND NOT (CAST(conv(regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1), 16, 10) AS INT) BETWEEN 55296 AND 57343)) THEN concat(decode(unhex(lpad(regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1), 8, '0')), 'UTF-32'), regexp_replace(piece, '^[xX][0-9a-fA-F]{1,6};', '')) ELSE concat('&#', piece) END), ''), '&amp;', '&') AS `description`,
    `parent`,
    `count`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_term_taxonomy_id`,
    `__o_term_id`,
    `__o_taxonomy`,
    `__o_description`,
    `__o_parent`,
    `__o_count`
  FROM s0
),
live AS (
  SELECT `term_taxonomy_id`,
    `term_id`,
    `taxonomy`,
    `description`,
    `parent`,
    `count`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_term_taxonomy_id`,
    `__o_term_id`,
    `__o_taxonomy`,
    `__o_description`,
    `__o_parent`,
    `__o_count`,
    (`_malformed` IS NULL) AS __live
  FROM s1
),
checked AS (
  SELECT `term_taxonomy_id`,
    `term_id`,
    `taxonomy`,
    `description`,
    `parent`,
    `count`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_term_taxonomy_id`,
    `__o_term_id`,
    `__o_taxonomy`,
    `__o_description`,
    `__o_parent`,
    `__o_count`,
    `__live`,
    (`__live` AND `term_taxonomy_id` IS NULL) AS `__rule_0`,
    (`__live` AND (`taxonomy` IS NOT NULL AND NOT (CAST(`taxonomy` AS STRING) IN ('category', 'post_tag')))) AS `__rule_2`
  FROM live
),
valid AS (
  SELECT `term_taxonomy_id`,
    `term_id`,
    `taxonomy`,
    `description`,
    `parent`,
    `count`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_term_taxonomy_id`,
    `__o_term_id`,
    `__o_taxonomy`,
    `__o_description`,
    `__o_parent`,
    `__o_count`,
    `__live`,
    `__rule_0`,
    `__rule_2`,
    (`__live` AND NOT `__rule_0` AND NOT `__rule_2`) AS `__valid`
  FROM checked
),
keyed AS (
  SELECT `term_taxonomy_id`,
    `term_id`,
    `taxonomy`,
    `description`,
    `parent`,
    `count`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_term_taxonomy_id`,
    `__o_term_id`,
    `__o_taxonomy`,
    `__o_description`,
    `__o_parent`,
    `__o_count`,
    `__live`,
    `__rule_0`,
    `__rule_2`,
    `__valid`,
    ((`__valid`) AND (`term_taxonomy_id` IS NOT NULL AND coalesce(`_record_number` > `__rule_1_first`, FALSE))) AS `__rule_1`
  FROM valid
  LEFT JOIN (SELECT `term_taxonomy_id` AS `__rule_1_k0`, min(`_record_number`) AS `__rule_1_first`
    FROM valid WHERE (`__valid`) GROUP BY `term_taxonomy_id` HAVING count(*) > 1) AS `__rule_1_keys`
    ON `__rule_1_k0` = valid.`term_taxonomy_id`
)
SELECT `term_taxonomy_id`,
    `term_id`,
    `taxonomy`,
    `description`,
    `parent`,
    `count`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_term_taxonomy_id`,
    `__o_term_id`,
    `__o_taxonomy`,
    `__o_description`,
    `__o_parent`,
    `__o_count`,
    `__live`,
    `__rule_0`,
    `__rule_2`,
    `__valid`,
    `__rule_1`,
    CASE WHEN `_malformed` IS NOT NULL THEN array('malformed') ELSE filter(array(CASE WHEN `__rule_0` THEN 'not_null_term_taxonomy_id' END, CASE WHEN `__rule_1` THEN 'unique_term_taxonomy_id' END, CASE WHEN `__rule_2` THEN 'accepted_values_taxonomy' END), __rule -> __rule IS NOT NULL) END AS `_rule_failures`,
    CAST(array() AS ARRAY<STRING>) AS `_warnings`,
    CASE WHEN `_malformed` IS NOT NULL THEN 'quarantine' WHEN `__rule_0` THEN 'quarantine' WHEN `__rule_2` THEN 'quarantine' WHEN `__rule_1` THEN 'quarantine' ELSE 'silver' END AS `__disposition`
  FROM keyed;

CACHE TABLE routed;

SELECT count(*) AS rows_read, count_if(__disposition = 'silver') AS silver, count_if(__disposition = 'quarantine') AS quarantined, count_if(__disposition = 'duplicate') AS duplicates, count_if(__disposition = 'filtered') AS filtered, count(_malformed) AS malformed, count_if(`__rule_0`) AS `__rule_0`, count_if(`__rule_1`) AS `__rule_1`, count_if(`__rule_2`) AS `__rule_2` FROM routed;

SELECT `term_taxonomy_id`, `term_id`, `taxonomy`, `description`, `parent`, `count`, `_run_key`, `_source_file`, `_ingested_at`, `_warnings` FROM routed WHERE __disposition = 'silver';

SELECT `__o_term_taxonomy_id` AS `term_taxonomy_id`, `__o_term_id` AS `term_id`, `__o_taxonomy` AS `taxonomy`, `__o_description` AS `description`, `__o_parent` AS `parent`, `__o_count` AS `count`, `_rule_failures`, `_malformed`, `_raw`, `_source_file`, `_record_number`, `_ingested_at`, `_run_key` FROM routed WHERE __disposition = 'quarantine';

UNCACHE TABLE IF EXISTS routed;

-- ===== wordpress_api.term_relationships: bronze (spark) =====
CREATE TABLE raw_loaded (value STRING) USING text;

WITH documents AS (
  SELECT value, trim(BOTH '\uFEFF \t\r\n' FROM value) AS __document
  FROM raw_loaded
),
checked AS (
  SELECT value, __document, coalesce(json_array_length(concat('[', __document, ',0]')) = 2, false) AS __valid
  FROM documents WHERE __document <> ''
),
elements AS (
  SELECT explode(CASE WHEN NOT __valid THEN array(value) WHEN startswith(__document, '[') THEN coalesce(from_json(__document, 'ARRAY<STRING>'), array(value)) ELSE array(__document) END) AS __element, __valid
  FROM checked
),
objects AS (
  SELECT __element, CASE WHEN __valid AND startswith(__element, '{') THEN __element END AS __object
  FROM elements
),
parsed AS (
  SELECT __element, __object, from_json(__object, '`object_id` STRING, `term_taxonomy_id` STRING, `term_order` STRING, `__corrupt` STRING', map('columnNameOfCorruptRecord', '__corrupt')) AS __parsed
  FROM objects
)
SELECT __parsed.`object_id`, __parsed.`term_taxonomy_id`, __parsed.`term_order`,
  CASE WHEN __object IS NULL THEN coalesce(__element, 'null') ELSE __parsed.`__corrupt` END AS `__corrupt`
FROM parsed;

CREATE OR REPLACE TEMPORARY VIEW bronze_rows AS
WITH scanned AS (
  SELECT CAST(`object_id` AS STRING) AS __f_0, CAST(`term_taxonomy_id` AS STRING) AS __f_1, CAST(`term_order` AS STRING) AS __f_2,
    CASE WHEN `__corrupt` IS NOT NULL THEN 'not a valid JSON record (Spark could not parse it)' END AS __malformed, `__corrupt` AS __raw,
    input_file_name() AS __file, monotonically_increasing_id() AS __scan
  FROM raw_records
),
file_offsets AS (
  SELECT __file, coalesce(sum(count(*)) OVER (ORDER BY __file ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS __offset
  FROM scanned GROUP BY __file
),
numbered AS (
  SELECT s.*, CAST(o.__offset + row_number() OVER (PARTITION BY s.__file ORDER BY s.__scan) AS BIGINT) AS __record
  FROM scanned s JOIN file_offsets o ON s.__file = o.__file
)
SELECT CASE WHEN (__f_0 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_0 AS BIGINT) END AS `object_id`, CASE WHEN (__f_1 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_1 AS BIGINT) END AS `term_taxonomy_id`, CASE WHEN (__f_2 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_2 AS INT) END AS `term_order`,
  coalesce(__malformed, nullif(concat_ws('; ', CASE WHEN __f_0 IS NOT NULL AND CASE WHEN (__f_0 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_0 AS BIGINT) END IS NULL THEN 'column `object_id` does not cast to long: ' || __f_0 END, CASE WHEN __f_1 IS NOT NULL AND CASE WHEN (__f_1 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_1 AS BIGINT) END IS NULL THEN 'column `term_taxonomy_id` does not cast to long: ' || __f_1 END, CASE WHEN __f_2 IS NOT NULL AND CASE WHEN (__f_2 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_2 AS INT) END IS NULL THEN 'column `term_order` does not cast to int: ' || __f_2 END), '')) AS _malformed,
  CASE WHEN __malformed IS NOT NULL THEN __raw WHEN nullif(concat_ws('; ', CASE WHEN __f_0 IS NOT NULL AND CASE WHEN (__f_0 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_0 AS BIGINT) END IS NULL THEN 'column `object_id` does not cast to long: ' || __f_0 END, CASE WHEN __f_1 IS NOT NULL AND CASE WHEN (__f_1 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_1 AS BIGINT) END IS NULL THEN 'column `term_taxonomy_id` does not cast to long: ' || __f_1 END, CASE WHEN __f_2 IS NOT NULL AND CASE WHEN (__f_2 RLIKE '^ *[+-]?[0-9]+ *\\z') THEN try_cast(__f_2 AS INT) END IS NULL THEN 'column `term_order` does not cast to int: ' || __f_2 END), '') IS NOT NULL THEN to_json(named_struct('object_id', __f_0, 'term_taxonomy_id', __f_1, 'term_order', __f_2), map('ignoreNullFields', 'false')) END AS _raw,
  'run-key' AS _run_key,
  CASE WHEN instr(__file, '/srv/medallion/samples/') > 0 THEN substr(__file, instr(__file, '/srv/medallion/samples/') + 23) ELSE __file END AS _source_file,
  TIMESTAMP '1970-01-01 00:00:00.000000Z' AS _ingested_at,
  __record AS _record_number,
  DATE '1970-01-01' AS _ingest_date
FROM numbered;

CACHE TABLE bronze_rows;

SELECT count(*) AS rows_read, count(_malformed) AS malformed FROM bronze_rows;

SELECT * FROM bronze_rows WHERE _run_key = 'run-key';

UNCACHE TABLE IF EXISTS bronze_rows;

-- ===== wordpress_api.term_relationships: silver (spark) =====
CREATE OR REPLACE TEMPORARY VIEW bronze_input AS SELECT * FROM delta.`/srv/medallion/lake/bronze/wordpress_api/term_relationships/schema_v=1` WHERE _run_key = 'run-key';

CREATE OR REPLACE TEMPORARY VIEW routed AS
WITH s0 AS (
  SELECT `object_id`,
    `term_taxonomy_id`,
    `term_order`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `object_id` AS `__o_object_id`,
    `term_taxonomy_id` AS `__o_term_taxonomy_id`,
    `term_order` AS `__o_term_order`
  FROM `bronze_input`
),
live AS (
  SELECT `object_id`,
    `term_taxonomy_id`,
    `term_order`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_object_id`,
    `__o_term_taxonomy_id`,
    `__o_term_order`,
    (`_malformed` IS NULL) AS __live
  FROM s0
),
checked AS (
  SELECT `object_id`,
    `term_taxonomy_id`,
    `term_order`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_object_id`,
    `__o_term_taxonomy_id`,
    `__o_term_order`,
    `__live`,
    (`__live` AND `object_id` IS NULL) AS `__rule_0`,
    (`__live` AND `term_taxonomy_id` IS NULL) AS `__rule_1`
  FROM live
),
valid AS (
  SELECT `object_id`,
    `term_taxonomy_id`,
    `term_order`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_object_id`,
    `__o_term_taxonomy_id`,
    `__o_term_order`,
    `__live`,
    `__rule_0`,
    `__rule_1`,
    (`__live` AND NOT `__rule_0` AND NOT `__rule_1`) AS `__valid`
  FROM checked
),
keyed AS (
  SELECT `object_id`,
    `term_taxonomy_id`,
    `term_order`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_object_id`,
    `__o_term_taxonomy_id`,
    `__o_term_order`,
    `__live`,
    `__rule_0`,
    `__rule_1`,
    `__valid`,
    ((`__valid`) AND (`object_id` IS NOT NULL AND `term_taxonomy_id` IS NOT NULL AND coalesce(`_record_number` > `__rule_2_first`, FALSE))) AS `__rule_2`
  FROM valid
  LEFT JOIN (SELECT `object_id` AS `__rule_2_k0`, `term_taxonomy_id` AS `__rule_2_k1`, min(`_record_number`) AS `__rule_2_first`
    FROM valid WHERE (`__valid`) GROUP BY `object_id`, `term_taxonomy_id` HAVING count(*) > 1) AS `__rule_2_keys`
    ON `__rule_2_k0` = valid.`object_id` AND `__rule_2_k1` = valid.`term_taxonomy_id`
)
SELECT `object_id`,
    `term_taxonomy_id`,
    `term_order`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_object_id`,
    `__o_term_taxonomy_id`,
    `__o_term_order`,
    `__live`,
    `__rule_0`,
    `__rule_1`,
    `__valid`,
    `__rule_2`,
    CASE WHEN `_malformed` IS NOT NULL THEN array('malformed') ELSE filter(array(CASE WHEN `__rule_0` THEN 'not_null_object_id' END, CASE WHEN `__rule_1` THEN 'not_null_term_taxonomy_id' END, CASE WHEN `__rule_2` THEN 'unique_object_id_term_taxonomy_id' END), __rule -> __rule IS NOT NULL) END AS `_rule_failures`,
    CAST(array() AS ARRAY<STRING>) AS `_warnings`,
    CASE WHEN `_malformed` IS NOT NULL THEN 'quarantine' WHEN `__rule_0` THEN 'quarantine' WHEN `__rule_1` THEN 'quarantine' WHEN `__rule_2` THEN 'quarantine' ELSE 'silver' END AS `__disposition`
  FROM keyed;

CACHE TABLE routed;

SELECT count(*) AS rows_read, count_if(__disposition = 'silver') AS silver, count_if(__disposition = 'quarantine') AS quarantined, count_if(__disposition = 'duplicate') AS duplicates, count_if(__disposition = 'filtered') AS filtered, count(_malformed) AS malformed, count_if(`__rule_0`) AS `__rule_0`, count_if(`__rule_1`) AS `__rule_1`, count_if(`__rule_2`) AS `__rule_2` FROM routed;

SELECT `object_id`, `term_taxonomy_id`, `term_order`, `_run_key`, `_source_file`, `_ingested_at`, `_warnings` FROM routed WHERE __disposition = 'silver';

SELECT `__o_object_id` AS `object_id`, `__o_term_taxonomy_id` AS `term_taxonomy_id`, `__o_term_order` AS `term_order`, `_rule_failures`, `_malformed`, `_raw`, `_source_file`, `_record_number`, `_ingested_at`, `_run_key` FROM routed WHERE __disposition = 'quarantine';

UNCACHE TABLE IF EXISTS routed;

