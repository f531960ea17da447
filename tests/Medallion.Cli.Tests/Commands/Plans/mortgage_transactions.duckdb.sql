-- ===== mortgage_transactions.transactions: bronze (duckdb) =====
CREATE OR REPLACE TEMP TABLE raw_records (__f_0 VARCHAR, __f_1 VARCHAR, __f_2 VARCHAR, __f_3 VARCHAR, __f_4 VARCHAR, _source_file VARCHAR, __malformed VARCHAR, __raw VARCHAR);

-- CSV: columns are mapped by header name; every rejected line becomes a malformed record
INSERT INTO raw_records SELECT c0, c1, c2, c3, c4, filename, NULL, NULL
FROM read_csv(['/srv/medallion/samples/mortgage_transactions/*.csv'], header = true, auto_detect = false, columns = {'c0': 'VARCHAR', 'c1': 'VARCHAR', 'c2': 'VARCHAR', 'c3': 'VARCHAR', 'c4': 'VARCHAR'}, delim = ',', quote = '"', escape = '"', filename = true, store_rejects = true, rejects_table = 'raw_rejects_0', rejects_scan = 'raw_scans_0');

INSERT INTO raw_records SELECT NULL, NULL, NULL, NULL, NULL, s.file_path, string_agg(CAST(e.error_type AS VARCHAR) || ': ' || e.error_message, '; ') || ' (line ' || CAST(e.line AS VARCHAR) || ')', any_value(e.csv_line)
FROM raw_rejects_0 e JOIN raw_scans_0 s ON e.scan_id = s.scan_id AND e.file_id = s.file_id
GROUP BY s.file_path, e.line ORDER BY s.file_path, e.line;

CREATE OR REPLACE TEMP VIEW bronze_rows AS
SELECT CAST(__f_0 AS VARCHAR) AS "transaction_id", CAST(__f_1 AS VARCHAR) AS "customer_id", CAST(__f_2 AS VARCHAR) AS "transaction_amount", CAST(__f_3 AS VARCHAR) AS "currency", CAST(__f_4 AS VARCHAR) AS "transaction_timestamp",
  coalesce(__malformed, NULL) AS _malformed,
  CASE WHEN __malformed IS NOT NULL THEN __raw WHEN NULL IS NOT NULL THEN CAST(to_json(struct_pack("transaction_id" := __f_0, "customer_id" := __f_1, "transaction_amount" := __f_2, "currency" := __f_3, "transaction_timestamp" := __f_4)) AS VARCHAR) END AS _raw,
  '<run-key>' AS _run_key,
  CASE WHEN starts_with(_source_file, '/srv/medallion/samples/') THEN substr(_source_file, 24) ELSE _source_file END AS _source_file,
  TIMESTAMPTZ '<run start>' AS _ingested_at,
  CAST(rowid + 1 AS BIGINT) AS _record_number,
  DATE '<run start>' AS _ingest_date
FROM raw_records;

SELECT count(*), count(_malformed) FROM bronze_rows;

COPY (SELECT * EXCLUDE ("_ingest_date") FROM (SELECT * FROM bronze_rows)) TO '/srv/medallion/lake/bronze/mortgage_transactions/transactions/schema_v=1/_ingest_date=<run start>/part-{uuid}.parquet' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, DICTIONARY_SIZE_LIMIT 256, RETURN_STATS);

-- then one Delta commit on the bronze table: add the files written, remove the files of an earlier attempt of this run key

-- ===== mortgage_transactions.transactions: silver (duckdb) =====
-- bronze_run_files: the live files of /srv/medallion/lake/bronze/mortgage_transactions/transactions/schema_v=1 written by this run key, read through its Delta log
CREATE OR REPLACE TEMP VIEW bronze_input AS SELECT * FROM bronze_run_files WHERE _run_key = '<run-key>';

CREATE OR REPLACE TEMP TABLE "__rule_2_keys" AS
WITH s0 AS (
  SELECT "transaction_id",
    "customer_id",
    "transaction_amount",
    "currency",
    "transaction_timestamp",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "transaction_id" AS "__o_transaction_id",
    "customer_id" AS "__o_customer_id",
    "transaction_amount" AS "__o_transaction_amount",
    "currency" AS "__o_currency",
    "transaction_timestamp" AS "__o_transaction_timestamp"
  FROM "bronze_input"
),
s1 AS (
  SELECT trim("transaction_id") AS "transaction_id",
    trim("customer_id") AS "customer_id",
    "transaction_amount",
    trim("currency") AS "currency",
    "transaction_timestamp",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_transaction_id",
    "__o_customer_id",
    "__o_transaction_amount",
    "__o_currency",
    "__o_transaction_timestamp"
  FROM s0
),
s2 AS (
  SELECT NULLIF("transaction_id", '') AS "transaction_id",
    NULLIF("customer_id", '') AS "customer_id",
    "transaction_amount",
    NULLIF("currency", '') AS "currency",
    "transaction_timestamp",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_transaction_id",
    "__o_customer_id",
    "__o_transaction_amount",
    "__o_currency",
    "__o_transaction_timestamp"
  FROM s1
),
s3 AS (
  SELECT "transaction_id",
    "customer_id",
    CASE WHEN regexp_matches("transaction_amount", '^ *[+-]?[0-9]+(?:\.[0-9]{0,2}0*)? *\z') THEN TRY_CAST("transaction_amount" AS DECIMAL(18,2)) END AS "transaction_amount",
    "currency",
    CASE WHEN regexp_matches("transaction_timestamp", '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\z') THEN TRY_CAST("transaction_timestamp" AS TIMESTAMPTZ) WHEN regexp_matches("transaction_timestamp", '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\z') THEN TRY_CAST(substr(trim("transaction_timestamp", ' '), 1, 16) || ':00' || substr(trim("transaction_timestamp", ' '), 17) AS TIMESTAMPTZ) END AS "transaction_timestamp",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_transaction_id",
    "__o_customer_id",
    "__o_transaction_amount",
    "__o_currency",
    "__o_transaction_timestamp",
    ("transaction_amount" IS NOT NULL AND CASE WHEN regexp_matches("transaction_amount", '^ *[+-]?[0-9]+(?:\.[0-9]{0,2}0*)? *\z') THEN TRY_CAST("transaction_amount" AS DECIMAL(18,2)) END IS NULL) AS "__cast_failed_2_transaction_amount",
    ("transaction_timestamp" IS NOT NULL AND CASE WHEN regexp_matches("transaction_timestamp", '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\z') THEN TRY_CAST("transaction_timestamp" AS TIMESTAMPTZ) WHEN regexp_matches("transaction_timestamp", '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\z') THEN TRY_CAST(substr(trim("transaction_timestamp", ' '), 1, 16) || ':00' || substr(trim("transaction_timestamp", ' '), 17) AS TIMESTAMPTZ) END IS NULL) AS "__cast_failed_2_transaction_timestamp"
  FROM s2
),
s4 AS (
  SELECT "transaction_id",
    "customer_id",
    "transaction_amount",
    "currency",
    "transaction_timestamp",
    CAST(date_part('year', make_timestamp(epoch_us("transaction_timestamp"))) AS INTEGER) AS "event_year",
    CAST(date_part('month', make_timestamp(epoch_us("transaction_timestamp"))) AS INTEGER) AS "event_month",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_transaction_id",
    "__o_customer_id",
    "__o_transaction_amount",
    "__o_currency",
    "__o_transaction_timestamp",
    "__cast_failed_2_transaction_amount",
    "__cast_failed_2_transaction_timestamp"
  FROM s3
),
live AS (
  SELECT "transaction_id",
    "customer_id",
    "transaction_amount",
    "currency",
    "transaction_timestamp",
    "event_year",
    "event_month",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_transaction_id",
    "__o_customer_id",
    "__o_transaction_amount",
    "__o_currency",
    "__o_transaction_timestamp",
    "__cast_failed_2_transaction_amount",
    "__cast_failed_2_transaction_timestamp",
    ("_malformed" IS NULL) AS __live
  FROM s4
),
checked AS (
  SELECT "transaction_id",
    "customer_id",
    "transaction_amount",
    "currency",
    "transaction_timestamp",
    "event_year",
    "event_month",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_transaction_id",
    "__o_customer_id",
    "__o_transaction_amount",
    "__o_currency",
    "__o_transaction_timestamp",
    "__cast_failed_2_transaction_amount",
    "__cast_failed_2_transaction_timestamp",
    "__live",
    ("__live" AND "__cast_failed_2_transaction_amount") AS "__rule_cast_2_transaction_amount",
    ("__live" AND "__cast_failed_2_transaction_timestamp") AS "__rule_cast_2_transaction_timestamp",
    ("__live" AND FALSE) AS "__rule_partition_event_year",
    ("__live" AND FALSE) AS "__rule_partition_event_month",
    ("__live" AND "transaction_id" IS NULL) AS "__rule_0",
    ("__live" AND ("currency" IS NOT NULL AND NOT (CAST("currency" AS VARCHAR) IN ('EUR', 'USD', 'GBP')))) AS "__rule_1"
  FROM live
),
valid AS (
  SELECT "transaction_id",
    "customer_id",
    "transaction_amount",
    "currency",
    "transaction_timestamp",
    "event_year",
    "event_month",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_transaction_id",
    "__o_customer_id",
    "__o_transaction_amount",
    "__o_currency",
    "__o_transaction_timestamp",
    "__cast_failed_2_transaction_amount",
    "__cast_failed_2_transaction_timestamp",
    "__live",
    "__rule_cast_2_transaction_amount",
    "__rule_cast_2_transaction_timestamp",
    "__rule_partition_event_year",
    "__rule_partition_event_month",
    "__rule_0",
    "__rule_1",
    ("__live" AND NOT "__rule_cast_2_transaction_amount" AND NOT "__rule_cast_2_transaction_timestamp" AND NOT "__rule_partition_event_year" AND NOT "__rule_partition_event_month" AND NOT "__rule_0" AND NOT "__rule_1") AS "__valid"
  FROM checked
)
SELECT "transaction_id" AS "__rule_2_k0", min("_record_number") AS "__rule_2_first"
    FROM valid WHERE ("__valid") GROUP BY "transaction_id" HAVING count(*) > 1;

CREATE OR REPLACE TEMP VIEW routed AS
WITH s0 AS (
  SELECT "transaction_id",
    "customer_id",
    "transaction_amount",
    "currency",
    "transaction_timestamp",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "transaction_id" AS "__o_transaction_id",
    "customer_id" AS "__o_customer_id",
    "transaction_amount" AS "__o_transaction_amount",
    "currency" AS "__o_currency",
    "transaction_timestamp" AS "__o_transaction_timestamp"
  FROM "bronze_input"
),
s1 AS (
  SELECT trim("transaction_id") AS "transaction_id",
    trim("customer_id") AS "customer_id",
    "transaction_amount",
    trim("currency") AS "currency",
    "transaction_timestamp",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_transaction_id",
    "__o_customer_id",
    "__o_transaction_amount",
    "__o_currency",
    "__o_transaction_timestamp"
  FROM s0
),
s2 AS (
  SELECT NULLIF("transaction_id", '') AS "transaction_id",
    NULLIF("customer_id", '') AS "customer_id",
    "transaction_amount",
    NULLIF("currency", '') AS "currency",
    "transaction_timestamp",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_transaction_id",
    "__o_customer_id",
    "__o_transaction_amount",
    "__o_currency",
    "__o_transaction_timestamp"
  FROM s1
),
s3 AS (
  SELECT "transaction_id",
    "customer_id",
    CASE WHEN regexp_matches("transaction_amount", '^ *[+-]?[0-9]+(?:\.[0-9]{0,2}0*)? *\z') THEN TRY_CAST("transaction_amount" AS DECIMAL(18,2)) END AS "transaction_amount",
    "currency",
    CASE WHEN regexp_matches("transaction_timestamp", '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\z') THEN TRY_CAST("transaction_timestamp" AS TIMESTAMPTZ) WHEN regexp_matches("transaction_timestamp", '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\z') THEN TRY_CAST(substr(trim("transaction_timestamp", ' '), 1, 16) || ':00' || substr(trim("transaction_timestamp", ' '), 17) AS TIMESTAMPTZ) END AS "transaction_timestamp",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_transaction_id",
    "__o_customer_id",
    "__o_transaction_amount",
    "__o_currency",
    "__o_transaction_timestamp",
    ("transaction_amount" IS NOT NULL AND CASE WHEN regexp_matches("transaction_amount", '^ *[+-]?[0-9]+(?:\.[0-9]{0,2}0*)? *\z') THEN TRY_CAST("transaction_amount" AS DECIMAL(18,2)) END IS NULL) AS "__cast_failed_2_transaction_amount",
    ("transaction_timestamp" IS NOT NULL AND CASE WHEN regexp_matches("transaction_timestamp", '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\z') THEN TRY_CAST("transaction_timestamp" AS TIMESTAMPTZ) WHEN regexp_matches("transaction_timestamp", '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\z') THEN TRY_CAST(substr(trim("transaction_timestamp", ' '), 1, 16) || ':00' || substr(trim("transaction_timestamp", ' '), 17) AS TIMESTAMPTZ) END IS NULL) AS "__cast_failed_2_transaction_timestamp"
  FROM s2
),
s4 AS (
  SELECT "transaction_id",
    "customer_id",
    "transaction_amount",
    "currency",
    "transaction_timestamp",
    CAST(date_part('year', make_timestamp(epoch_us("transaction_timestamp"))) AS INTEGER) AS "event_year",
    CAST(date_part('month', make_timestamp(epoch_us("transaction_timestamp"))) AS INTEGER) AS "event_month",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_transaction_id",
    "__o_customer_id",
    "__o_transaction_amount",
    "__o_currency",
    "__o_transaction_timestamp",
    "__cast_failed_2_transaction_amount",
    "__cast_failed_2_transaction_timestamp"
  FROM s3
),
live AS (
  SELECT "transaction_id",
    "customer_id",
    "transaction_amount",
    "currency",
    "transaction_timestamp",
    "event_year",
    "event_month",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_transaction_id",
    "__o_customer_id",
    "__o_transaction_amount",
    "__o_currency",
    "__o_transaction_timestamp",
    "__cast_failed_2_transaction_amount",
    "__cast_failed_2_transaction_timestamp",
    ("_malformed" IS NULL) AS __live
  FROM s4
),
checked AS (
  SELECT "transaction_id",
    "customer_id",
    "transaction_amount",
    "currency",
    "transaction_timestamp",
    "event_year",
    "event_month",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_transaction_id",
    "__o_customer_id",
    "__o_transaction_amount",
    "__o_currency",
    "__o_transaction_timestamp",
    "__cast_failed_2_transaction_amount",
    "__cast_failed_2_transaction_timestamp",
    "__live",
    ("__live" AND "__cast_failed_2_transaction_amount") AS "__rule_cast_2_transaction_amount",
    ("__live" AND "__cast_failed_2_transaction_timestamp") AS "__rule_cast_2_transaction_timestamp",
    ("__live" AND FALSE) AS "__rule_partition_event_year",
    ("__live" AND FALSE) AS "__rule_partition_event_month",
    ("__live" AND "transaction_id" IS NULL) AS "__rule_0",
    ("__live" AND ("currency" IS NOT NULL AND NOT (CAST("currency" AS VARCHAR) IN ('EUR', 'USD', 'GBP')))) AS "__rule_1"
  FROM live
),
valid AS (
  SELECT "transaction_id",
    "customer_id",
    "transaction_amount",
    "currency",
    "transaction_timestamp",
    "event_year",
    "event_month",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_transaction_id",
    "__o_customer_id",
    "__o_transaction_amount",
    "__o_currency",
    "__o_transaction_timestamp",
    "__cast_failed_2_transaction_amount",
    "__cast_failed_2_transaction_timestamp",
    "__live",
    "__rule_cast_2_transaction_amount",
    "__rule_cast_2_transaction_timestamp",
    "__rule_partition_event_year",
    "__rule_partition_event_month",
    "__rule_0",
    "__rule_1",
    ("__live" AND NOT "__rule_cast_2_transaction_amount" AND NOT "__rule_cast_2_transaction_timestamp" AND NOT "__rule_partition_event_year" AND NOT "__rule_partition_event_month" AND NOT "__rule_0" AND NOT "__rule_1") AS "__valid"
  FROM checked
),
keyed AS (
  SELECT "transaction_id",
    "customer_id",
    "transaction_amount",
    "currency",
    "transaction_timestamp",
    "event_year",
    "event_month",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_transaction_id",
    "__o_customer_id",
    "__o_transaction_amount",
    "__o_currency",
    "__o_transaction_timestamp",
    "__cast_failed_2_transaction_amount",
    "__cast_failed_2_transaction_timestamp",
    "__live",
    "__rule_cast_2_transaction_amount",
    "__rule_cast_2_transaction_timestamp",
    "__rule_partition_event_year",
    "__rule_partition_event_month",
    "__rule_0",
    "__rule_1",
    "__valid",
    (("__valid") AND ("transaction_id" IS NOT NULL AND coalesce("_record_number" > "__rule_2_first", FALSE))) AS "__rule_2"
  FROM valid
  LEFT JOIN "__rule_2_keys" AS "__rule_2_keys"
    ON "__rule_2_k0" = valid."transaction_id"
)
SELECT "transaction_id",
    "customer_id",
    "transaction_amount",
    "currency",
    "transaction_timestamp",
    "event_year",
    "event_month",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_transaction_id",
    "__o_customer_id",
    "__o_transaction_amount",
    "__o_currency",
    "__o_transaction_timestamp",
    "__cast_failed_2_transaction_amount",
    "__cast_failed_2_transaction_timestamp",
    "__live",
    "__rule_cast_2_transaction_amount",
    "__rule_cast_2_transaction_timestamp",
    "__rule_partition_event_year",
    "__rule_partition_event_month",
    "__rule_0",
    "__rule_1",
    "__valid",
    "__rule_2",
    CASE WHEN "_malformed" IS NOT NULL THEN ['malformed'] ELSE list_filter([CASE WHEN "__rule_cast_2_transaction_amount" THEN 'cast_transaction_amount' END, CASE WHEN "__rule_cast_2_transaction_timestamp" THEN 'cast_transaction_timestamp' END, CASE WHEN "__rule_partition_event_year" THEN 'partition_event_year' END, CASE WHEN "__rule_partition_event_month" THEN 'partition_event_month' END, CASE WHEN "__rule_0" THEN 'not_null_transaction_id' END, CASE WHEN "__rule_1" THEN 'accepted_values_currency' END, CASE WHEN "__rule_2" THEN 'unique_transaction_id' END], x -> x IS NOT NULL) END AS "_rule_failures",
    CAST([] AS VARCHAR[]) AS "_warnings",
    CASE WHEN "_malformed" IS NOT NULL THEN 'quarantine' WHEN "__rule_cast_2_transaction_amount" THEN 'quarantine' WHEN "__rule_cast_2_transaction_timestamp" THEN 'quarantine' WHEN "__rule_partition_event_year" THEN 'quarantine' WHEN "__rule_partition_event_month" THEN 'quarantine' WHEN "__rule_0" THEN 'quarantine' WHEN "__rule_1" THEN 'quarantine' WHEN "__rule_2" THEN 'quarantine' ELSE 'silver' END AS "__disposition"
  FROM keyed;

-- the rows that are not plain silver (quarantined, duplicates, filtered, or breaking a rule): usually few
CREATE OR REPLACE TEMP TABLE routed_exceptions AS SELECT * FROM routed
WHERE __disposition <> 'silver' OR "__rule_cast_2_transaction_amount" OR "__rule_cast_2_transaction_timestamp" OR "__rule_partition_event_year" OR "__rule_partition_event_month" OR "__rule_0" OR "__rule_1" OR "__rule_2";

SELECT __read, __read - __n0 - __n1 - __n2, __n0, __n1, __n2, __malformed, __rule0, __rule1, __rule2, __rule3, __rule4, __rule5, __rule6 FROM (SELECT (SELECT count(*) FROM bronze_input) AS __read, count(*) FILTER (WHERE __disposition = 'quarantine') AS __n0, count(*) FILTER (WHERE __disposition = 'duplicate') AS __n1, count(*) FILTER (WHERE __disposition = 'filtered') AS __n2, count(_malformed) AS __malformed, count(*) FILTER (WHERE "__rule_cast_2_transaction_amount") AS __rule0, count(*) FILTER (WHERE "__rule_cast_2_transaction_timestamp") AS __rule1, count(*) FILTER (WHERE "__rule_partition_event_year") AS __rule2, count(*) FILTER (WHERE "__rule_partition_event_month") AS __rule3, count(*) FILTER (WHERE "__rule_0") AS __rule4, count(*) FILTER (WHERE "__rule_1") AS __rule5, count(*) FILTER (WHERE "__rule_2") AS __rule6 FROM routed_exceptions);

COPY (SELECT "transaction_id", "customer_id", "transaction_amount", "currency", "transaction_timestamp", "event_year", "event_month", "_run_key", "_source_file", "_ingested_at", CAST([] AS VARCHAR[]) AS "_warnings" FROM (
WITH s0 AS (
  SELECT "transaction_id",
    "customer_id",
    "transaction_amount",
    "currency",
    "transaction_timestamp",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "transaction_id" AS "__o_transaction_id",
    "customer_id" AS "__o_customer_id",
    "transaction_amount" AS "__o_transaction_amount",
    "currency" AS "__o_currency",
    "transaction_timestamp" AS "__o_transaction_timestamp"
  FROM "bronze_input"
),
s1 AS (
  SELECT trim("transaction_id") AS "transaction_id",
    trim("customer_id") AS "customer_id",
    "transaction_amount",
    trim("currency") AS "currency",
    "transaction_timestamp",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_transaction_id",
    "__o_customer_id",
    "__o_transaction_amount",
    "__o_currency",
    "__o_transaction_timestamp"
  FROM s0
),
s2 AS (
  SELECT NULLIF("transaction_id", '') AS "transaction_id",
    NULLIF("customer_id", '') AS "customer_id",
    "transaction_amount",
    NULLIF("currency", '') AS "currency",
    "transaction_timestamp",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_transaction_id",
    "__o_customer_id",
    "__o_transaction_amount",
    "__o_currency",
    "__o_transaction_timestamp"
  FROM s1
),
s3 AS (
  SELECT "transaction_id",
    "customer_id",
    CASE WHEN regexp_matches("transaction_amount", '^ *[+-]?[0-9]+(?:\.[0-9]{0,2}0*)? *\z') THEN TRY_CAST("transaction_amount" AS DECIMAL(18,2)) END AS "transaction_amount",
    "currency",
    CASE WHEN regexp_matches("transaction_timestamp", '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\z') THEN TRY_CAST("transaction_timestamp" AS TIMESTAMPTZ) WHEN regexp_matches("transaction_timestamp", '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\z') THEN TRY_CAST(substr(trim("transaction_timestamp", ' '), 1, 16) || ':00' || substr(trim("transaction_timestamp", ' '), 17) AS TIMESTAMPTZ) END AS "transaction_timestamp",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_transaction_id",
    "__o_customer_id",
    "__o_transaction_amount",
    "__o_currency",
    "__o_transaction_timestamp",
    ("transaction_amount" IS NOT NULL AND CASE WHEN regexp_matches("transaction_amount", '^ *[+-]?[0-9]+(?:\.[0-9]{0,2}0*)? *\z') THEN TRY_CAST("transaction_amount" AS DECIMAL(18,2)) END IS NULL) AS "__cast_failed_2_transaction_amount",
    ("transaction_timestamp" IS NOT NULL AND CASE WHEN regexp_matches("transaction_timestamp", '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\z') THEN TRY_CAST("transaction_timestamp" AS TIMESTAMPTZ) WHEN regexp_matches("transaction_timestamp", '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\z') THEN TRY_CAST(substr(trim("transaction_timestamp", ' '), 1, 16) || ':00' || substr(trim("transaction_timestamp", ' '), 17) AS TIMESTAMPTZ) END IS NULL) AS "__cast_failed_2_transaction_timestamp"
  FROM s2
),
s4 AS (
  SELECT "transaction_id",
    "customer_id",
    "transaction_amount",
    "currency",
    "transaction_timestamp",
    CAST(date_part('year', make_timestamp(epoch_us("transaction_timestamp"))) AS INTEGER) AS "event_year",
    CAST(date_part('month', make_timestamp(epoch_us("transaction_timestamp"))) AS INTEGER) AS "event_month",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_transaction_id",
    "__o_customer_id",
    "__o_transaction_amount",
    "__o_currency",
    "__o_transaction_timestamp",
    "__cast_failed_2_transaction_amount",
    "__cast_failed_2_transaction_timestamp"
  FROM s3
)
SELECT "transaction_id",
    "customer_id",
    "transaction_amount",
    "currency",
    "transaction_timestamp",
    "event_year",
    "event_month",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number"
  FROM s4
) AS transformed
ANTI JOIN (SELECT "_record_number" FROM routed_exceptions WHERE __disposition <> 'silver') AS x ON x."_record_number" = transformed."_record_number") TO '/srv/medallion/lake/silver/mortgage_transactions/transactions/schema_v=1/runs/run_key=<run-key>' (FORMAT parquet, PARTITION_BY ("event_year", "event_month"), APPEND, FILENAME_PATTERN 'part-{uuid}', COMPRESSION zstd, COMPRESSION_LEVEL 1, RETURN_STATS);

COPY (SELECT * EXCLUDE ("_run_key") FROM (SELECT "__o_transaction_id" AS "transaction_id", "__o_customer_id" AS "customer_id", "__o_transaction_amount" AS "transaction_amount", "__o_currency" AS "currency", "__o_transaction_timestamp" AS "transaction_timestamp", "_rule_failures", "_malformed", "_raw", "_source_file", "_record_number", "_ingested_at", "_run_key" FROM routed_exceptions WHERE __disposition = 'quarantine')) TO '/srv/medallion/lake/quarantine/mortgage_transactions/transactions/schema_v=1/_run_key=<run-key>/part-{uuid}.parquet' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, RETURN_STATS);

-- then one Delta commit creating the staged run table, and one on the quarantine table replacing this run key's partition

