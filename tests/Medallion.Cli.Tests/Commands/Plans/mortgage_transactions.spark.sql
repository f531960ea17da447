-- ===== mortgage_transactions.transactions: bronze (spark) =====
CREATE TABLE raw_records_csv (`transaction_id` STRING, `customer_id` STRING, `transaction_amount` STRING, `currency` STRING, `transaction_timestamp` STRING, `__corrupt` STRING) USING csv;

CREATE OR REPLACE TEMPORARY VIEW bronze_rows AS
WITH scanned AS (
  SELECT CAST(`transaction_id` AS STRING) AS __f_0, CAST(`customer_id` AS STRING) AS __f_1, CAST(`transaction_amount` AS STRING) AS __f_2, CAST(`currency` AS STRING) AS __f_3, CAST(`transaction_timestamp` AS STRING) AS __f_4,
    CASE WHEN `__corrupt` IS NOT NULL THEN 'not a valid CSV record (Spark could not parse it)' END AS __malformed, `__corrupt` AS __raw,
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
SELECT CAST(__f_0 AS STRING) AS `transaction_id`, CAST(__f_1 AS STRING) AS `customer_id`, CAST(__f_2 AS STRING) AS `transaction_amount`, CAST(__f_3 AS STRING) AS `currency`, CAST(__f_4 AS STRING) AS `transaction_timestamp`,
  coalesce(__malformed, NULL) AS _malformed,
  CASE WHEN __malformed IS NOT NULL THEN __raw WHEN NULL IS NOT NULL THEN to_json(named_struct('transaction_id', __f_0, 'customer_id', __f_1, 'transaction_amount', __f_2, 'currency', __f_3, 'transaction_timestamp', __f_4), map('ignoreNullFields', 'false')) END AS _raw,
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

-- ===== mortgage_transactions.transactions: silver (spark) =====
CREATE OR REPLACE TEMPORARY VIEW bronze_input AS SELECT * FROM delta.`/srv/medallion/lake/bronze/mortgage_transactions/transactions/schema_v=1` WHERE _run_key = 'run-key';

CREATE OR REPLACE TEMPORARY VIEW routed AS
WITH s0 AS (
  SELECT `transaction_id`,
    `customer_id`,
    `transaction_amount`,
    `currency`,
    `transaction_timestamp`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `transaction_id` AS `__o_transaction_id`,
    `customer_id` AS `__o_customer_id`,
    `transaction_amount` AS `__o_transaction_amount`,
    `currency` AS `__o_currency`,
    `transaction_timestamp` AS `__o_transaction_timestamp`
  FROM `bronze_input`
),
s1 AS (
  SELECT regexp_replace(`transaction_id`, '^\\p{Zs}+|\\p{Zs}+\\z', '') AS `transaction_id`,
    regexp_replace(`customer_id`, '^\\p{Zs}+|\\p{Zs}+\\z', '') AS `customer_id`,
    `transaction_amount`,
    regexp_replace(`currency`, '^\\p{Zs}+|\\p{Zs}+\\z', '') AS `currency`,
    `transaction_timestamp`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_transaction_id`,
    `__o_customer_id`,
    `__o_transaction_amount`,
    `__o_currency`,
    `__o_transaction_timestamp`
  FROM s0
),
s2 AS (
  SELECT NULLIF(`transaction_id`, '') AS `transaction_id`,
    NULLIF(`customer_id`, '') AS `customer_id`,
    `transaction_amount`,
    NULLIF(`currency`, '') AS `currency`,
    `transaction_timestamp`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_transaction_id`,
    `__o_customer_id`,
    `__o_transaction_amount`,
    `__o_currency`,
    `__o_transaction_timestamp`
  FROM s1
),
s3 AS (
  SELECT `transaction_id`,
    `customer_id`,
    CASE WHEN (`transaction_amount` RLIKE '^ *[+-]?[0-9]+(?:\\.[0-9]{0,2}0*)? *\\z') THEN try_cast(`transaction_amount` AS DECIMAL(18,2)) END AS `transaction_amount`,
    `currency`,
    CASE WHEN (`transaction_timestamp` RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\\z') THEN try_cast(`transaction_timestamp` AS TIMESTAMP) WHEN (`transaction_timestamp` RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\\z') THEN try_cast(substr(trim(`transaction_timestamp`), 1, 16) || ':00' || substr(trim(`transaction_timestamp`), 17) AS TIMESTAMP) END AS `transaction_timestamp`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_transaction_id`,
    `__o_customer_id`,
    `__o_transaction_amount`,
    `__o_currency`,
    `__o_transaction_timestamp`,
    (`transaction_amount` IS NOT NULL AND CASE WHEN (`transaction_amount` RLIKE '^ *[+-]?[0-9]+(?:\\.[0-9]{0,2}0*)? *\\z') THEN try_cast(`transaction_amount` AS DECIMAL(18,2)) END IS NULL) AS `__cast_failed_2_transaction_amount`,
    (`transaction_timestamp` IS NOT NULL AND CASE WHEN (`transaction_timestamp` RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\\z') THEN try_cast(`transaction_timestamp` AS TIMESTAMP) WHEN (`transaction_timestamp` RLIKE '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\\z') THEN try_cast(substr(trim(`transaction_timestamp`), 1, 16) || ':00' || substr(trim(`transaction_timestamp`), 17) AS TIMESTAMP) END IS NULL) AS `__cast_failed_2_transaction_timestamp`
  FROM s2
),
s4 AS (
  SELECT `transaction_id`,
    `customer_id`,
    `transaction_amount`,
    `currency`,
    `transaction_timestamp`,
    year(`transaction_timestamp`) AS `event_year`,
    month(`transaction_timestamp`) AS `event_month`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_transaction_id`,
    `__o_customer_id`,
    `__o_transaction_amount`,
    `__o_currency`,
    `__o_transaction_timestamp`,
    `__cast_failed_2_transaction_amount`,
    `__cast_failed_2_transaction_timestamp`
  FROM s3
),
live AS (
  SELECT `transaction_id`,
    `customer_id`,
    `transaction_amount`,
    `currency`,
    `transaction_timestamp`,
    `event_year`,
    `event_month`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_transaction_id`,
    `__o_customer_id`,
    `__o_transaction_amount`,
    `__o_currency`,
    `__o_transaction_timestamp`,
    `__cast_failed_2_transaction_amount`,
    `__cast_failed_2_transaction_timestamp`,
    (`_malformed` IS NULL) AS __live
  FROM s4
),
checked AS (
  SELECT `transaction_id`,
    `customer_id`,
    `transaction_amount`,
    `currency`,
    `transaction_timestamp`,
    `event_year`,
    `event_month`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_transaction_id`,
    `__o_customer_id`,
    `__o_transaction_amount`,
    `__o_currency`,
    `__o_transaction_timestamp`,
    `__cast_failed_2_transaction_amount`,
    `__cast_failed_2_transaction_timestamp`,
    `__live`,
    (`__live` AND `__cast_failed_2_transaction_amount`) AS `__rule_cast_2_transaction_amount`,
    (`__live` AND `__cast_failed_2_transaction_timestamp`) AS `__rule_cast_2_transaction_timestamp`,
    (`__live` AND FALSE) AS `__rule_partition_event_year`,
    (`__live` AND FALSE) AS `__rule_partition_event_month`,
    (`__live` AND `transaction_id` IS NULL) AS `__rule_0`,
    (`__live` AND (`currency` IS NOT NULL AND NOT (CAST(`currency` AS STRING) IN ('EUR', 'USD', 'GBP')))) AS `__rule_1`
  FROM live
),
valid AS (
  SELECT `transaction_id`,
    `customer_id`,
    `transaction_amount`,
    `currency`,
    `transaction_timestamp`,
    `event_year`,
    `event_month`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_transaction_id`,
    `__o_customer_id`,
    `__o_transaction_amount`,
    `__o_currency`,
    `__o_transaction_timestamp`,
    `__cast_failed_2_transaction_amount`,
    `__cast_failed_2_transaction_timestamp`,
    `__live`,
    `__rule_cast_2_transaction_amount`,
    `__rule_cast_2_transaction_timestamp`,
    `__rule_partition_event_year`,
    `__rule_partition_event_month`,
    `__rule_0`,
    `__rule_1`,
    (`__live` AND NOT `__rule_cast_2_transaction_amount` AND NOT `__rule_cast_2_transaction_timestamp` AND NOT `__rule_partition_event_year` AND NOT `__rule_partition_event_month` AND NOT `__rule_0` AND NOT `__rule_1`) AS `__valid`
  FROM checked
),
keyed AS (
  SELECT `transaction_id`,
    `customer_id`,
    `transaction_amount`,
    `currency`,
    `transaction_timestamp`,
    `event_year`,
    `event_month`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_transaction_id`,
    `__o_customer_id`,
    `__o_transaction_amount`,
    `__o_currency`,
    `__o_transaction_timestamp`,
    `__cast_failed_2_transaction_amount`,
    `__cast_failed_2_transaction_timestamp`,
    `__live`,
    `__rule_cast_2_transaction_amount`,
    `__rule_cast_2_transaction_timestamp`,
    `__rule_partition_event_year`,
    `__rule_partition_event_month`,
    `__rule_0`,
    `__rule_1`,
    `__valid`,
    ((`__valid`) AND (`transaction_id` IS NOT NULL AND coalesce(`_record_number` > `__rule_2_first`, FALSE))) AS `__rule_2`
  FROM valid
  LEFT JOIN (SELECT `transaction_id` AS `__rule_2_k0`, min(`_record_number`) AS `__rule_2_first`
    FROM valid WHERE (`__valid`) GROUP BY `transaction_id` HAVING count(*) > 1) AS `__rule_2_keys`
    ON `__rule_2_k0` = valid.`transaction_id`
)
SELECT `transaction_id`,
    `customer_id`,
    `transaction_amount`,
    `currency`,
    `transaction_timestamp`,
    `event_year`,
    `event_month`,
    `_run_key`,
    `_source_file`,
    `_ingested_at`,
    `_record_number`,
    `_malformed`,
    `_raw`,
    `__o_transaction_id`,
    `__o_customer_id`,
    `__o_transaction_amount`,
    `__o_currency`,
    `__o_transaction_timestamp`,
    `__cast_failed_2_transaction_amount`,
    `__cast_failed_2_transaction_timestamp`,
    `__live`,
    `__rule_cast_2_transaction_amount`,
    `__rule_cast_2_transaction_timestamp`,
    `__rule_partition_event_year`,
    `__rule_partition_event_month`,
    `__rule_0`,
    `__rule_1`,
    `__valid`,
    `__rule_2`,
    CASE WHEN `_malformed` IS NOT NULL THEN array('malformed') ELSE filter(array(CASE WHEN `__rule_cast_2_transaction_amount` THEN 'cast_transaction_amount' END, CASE WHEN `__rule_cast_2_transaction_timestamp` THEN 'cast_transaction_timestamp' END, CASE WHEN `__rule_partition_event_year` THEN 'partition_event_year' END, CASE WHEN `__rule_partition_event_month` THEN 'partition_event_month' END, CASE WHEN `__rule_0` THEN 'not_null_transaction_id' END, CASE WHEN `__rule_1` THEN 'accepted_values_currency' END, CASE WHEN `__rule_2` THEN 'unique_transaction_id' END), __rule -> __rule IS NOT NULL) END AS `_rule_failures`,
    CAST(array() AS ARRAY<STRING>) AS `_warnings`,
    CASE WHEN `_malformed` IS NOT NULL THEN 'quarantine' WHEN `__rule_cast_2_transaction_amount` THEN 'quarantine' WHEN `__rule_cast_2_transaction_timestamp` THEN 'quarantine' WHEN `__rule_partition_event_year` THEN 'quarantine' WHEN `__rule_partition_event_month` THEN 'quarantine' WHEN `__rule_0` THEN 'quarantine' WHEN `__rule_1` THEN 'quarantine' WHEN `__rule_2` THEN 'quarantine' ELSE 'silver' END AS `__disposition`
  FROM keyed;

CACHE TABLE routed;

SELECT count(*) AS rows_read, count_if(__disposition = 'silver') AS silver, count_if(__disposition = 'quarantine') AS quarantined, count_if(__disposition = 'duplicate') AS duplicates, count_if(__disposition = 'filtered') AS filtered, count(_malformed) AS malformed, count_if(`__rule_cast_2_transaction_amount`) AS `__rule_cast_2_transaction_amount`, count_if(`__rule_cast_2_transaction_timestamp`) AS `__rule_cast_2_transaction_timestamp`, count_if(`__rule_partition_event_year`) AS `__rule_partition_event_year`, count_if(`__rule_partition_event_month`) AS `__rule_partition_event_month`, count_if(`__rule_0`) AS `__rule_0`, count_if(`__rule_1`) AS `__rule_1`, count_if(`__rule_2`) AS `__rule_2` FROM routed;

SELECT `transaction_id`, `customer_id`, `transaction_amount`, `currency`, `transaction_timestamp`, `event_year`, `event_month`, `_run_key`, `_source_file`, `_ingested_at`, `_warnings` FROM routed WHERE __disposition = 'silver';

SELECT `__o_transaction_id` AS `transaction_id`, `__o_customer_id` AS `customer_id`, `__o_transaction_amount` AS `transaction_amount`, `__o_currency` AS `currency`, `__o_transaction_timestamp` AS `transaction_timestamp`, `_rule_failures`, `_malformed`, `_raw`, `_source_file`, `_record_number`, `_ingested_at`, `_run_key` FROM routed WHERE __disposition = 'quarantine';

UNCACHE TABLE IF EXISTS routed;

