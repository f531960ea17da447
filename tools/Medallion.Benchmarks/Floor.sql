-- The benchmark's floor: the fewest DuckDB statements that write what Medallion writes for the
-- bench's table (bronze with every record and its lineage, silver, quarantine with reasons), and
-- nothing else: no Delta log, no run ledger, no staging, no checks. Run once per table (one
-- source format each), in a session with the engine's settings (memory_limit, temp_directory,
-- UTC, preserve_insertion_order = false). Each comment says what Medallion does there that the
-- floor skips. A statement whose comment starts with `csv:`, `ndjson:` or `parquet:` runs only
-- for that source. Placeholders in braces are filled in by FloorScript.cs.

-- [csv ndjson] Records are numbered in input order, as Medallion numbers them (which row of a
-- repeated key is "first" depends on it). Skips: nothing.
SET preserve_insertion_order = true;

-- [csv ndjson] The raw records as text, numbered by their row ids. Skips: the columns of a declared type
-- (every bench column is text), nested JSON fields, mapping CSV columns by header name.
CREATE OR REPLACE TEMP TABLE floor_raw (transaction_id VARCHAR, customer_id VARCHAR, transaction_amount VARCHAR,
  currency VARCHAR, transaction_timestamp VARCHAR, _source_file VARCHAR, _malformed VARCHAR, _raw VARCHAR);

-- [csv] Every line DuckDB can read. Skips: repairing a file DuckDB refuses (line endings, a
-- header that differs between files), one statement per group of files of the same header.
INSERT INTO floor_raw SELECT transaction_id, customer_id, transaction_amount, currency, transaction_timestamp, filename, NULL, NULL
FROM read_csv({{source}}, header = true, auto_detect = false, columns = {'transaction_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'transaction_amount': 'VARCHAR', 'currency': 'VARCHAR', 'transaction_timestamp': 'VARCHAR'},
  filename = true, store_rejects = true, rejects_table = 'floor_rejects', rejects_scan = 'floor_scans');

-- [csv] Every line DuckDB rejected is a malformed record with its errors and its text.
-- Skips: nothing (a line with several errors is one record, as in Medallion).
INSERT INTO floor_raw SELECT NULL, NULL, NULL, NULL, NULL, s.file_path,
  string_agg(CAST(e.error_type AS VARCHAR) || ': ' || e.error_message, '; ') || ' (line ' || CAST(e.line AS VARCHAR) || ')', any_value(e.csv_line)
FROM floor_rejects e JOIN floor_scans s ON e.scan_id = s.scan_id AND e.file_id = s.file_id
GROUP BY s.file_path, e.line ORDER BY s.file_path, e.line;

-- [ndjson] Each line whole, an object or a malformed record. Skips: finding a key given twice in
-- one object, recovering the exact text of numbers JSON parsing would round, blank lines.
INSERT INTO floor_raw SELECT v[1], v[2], v[3], v[4], v[5], filename,
  CASE WHEN v IS NULL THEN 'not a JSON object' END, CASE WHEN v IS NULL THEN line END
FROM (SELECT line, filename, CASE WHEN json_valid(line) AND starts_with(line, '{') THEN json_extract_string(line,
    ['$.transaction_id', '$.customer_id', '$.transaction_amount', '$.currency', '$.transaction_timestamp']) END AS v
  FROM read_csv({{source}}, header = false, auto_detect = false, columns = {'line': 'VARCHAR'}, delim = chr(31), quote = '', escape = '', filename = true)
  WHERE line IS NOT NULL);

-- [csv ndjson] Bronze, one Parquet file: every record with its lineage. Skips: the Delta commit (stats
-- turned into add actions), replacing an earlier attempt's rows, the record of ingested objects.
COPY (SELECT * EXCLUDE (_source_file, _malformed, _raw), _malformed, _raw, {{run_key}} AS _run_key, _source_file,
    {{ingested_at}} AS _ingested_at, CAST(rowid + 1 AS BIGINT) AS _record_number FROM floor_raw)
TO {{bronze}} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, DICTIONARY_SIZE_LIMIT 256);

-- [parquet] A typed source goes to bronze as it is, numbered by the reader's row numbers (the
-- bench writes one file). Skips: checking that each column has its declared type.
COPY (SELECT transaction_id, customer_id, transaction_amount, currency, transaction_timestamp,
    CAST(NULL AS VARCHAR) AS _malformed, CAST(NULL AS VARCHAR) AS _raw, {{run_key}} AS _run_key, filename AS _source_file,
    {{ingested_at}} AS _ingested_at, CAST(file_row_number + 1 AS BIGINT) AS _record_number
  FROM read_parquet({{source}}, filename = true, file_row_number = true))
TO {{bronze}} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, DICTIONARY_SIZE_LIMIT 256);

-- [csv ndjson] Silver does not need input order.
SET preserve_insertion_order = false;

-- Bronze read back, cleansed and checked: what silver and quarantine are made of. Skips: reading
-- bronze through its Delta log; the strict text casts (plain TRY_CAST: the same results on the
-- bench's values); the rule that a partition value fits in a folder name (it never breaks for a
-- year or a month).
CREATE OR REPLACE TEMP VIEW floor_checked AS
SELECT *, _malformed IS NULL AND NOT amount_failed AND NOT timestamp_failed AND transaction_id IS NOT NULL
    AND (currency IS NULL OR currency IN ('EUR', 'USD', 'GBP')) AS valid
FROM (SELECT nullif(trim(transaction_id), '') AS transaction_id, nullif(trim(customer_id), '') AS customer_id,
    {{amount}} AS transaction_amount, nullif(trim(currency), '') AS currency, {{timestamp}} AS transaction_timestamp,
    CAST(date_part('year', make_timestamp(epoch_us({{timestamp}}))) AS INTEGER) AS event_year,
    CAST(date_part('month', make_timestamp(epoch_us({{timestamp}}))) AS INTEGER) AS event_month,
    transaction_amount IS NOT NULL AND {{amount}} IS NULL AS amount_failed,
    transaction_timestamp IS NOT NULL AND {{timestamp}} IS NULL AS timestamp_failed,
    transaction_id AS o_transaction_id, customer_id AS o_customer_id, transaction_amount AS o_transaction_amount,
    currency AS o_currency, transaction_timestamp AS o_transaction_timestamp,
    _malformed, _raw, _run_key, _source_file, _ingested_at, _record_number
  FROM read_parquet({{bronze}}));

-- The unique rule: ids repeated among valid rows, and the first record of each. Skips: nothing.
CREATE OR REPLACE TEMP TABLE floor_repeated AS
SELECT transaction_id AS id, min(_record_number) AS first FROM floor_checked WHERE valid GROUP BY transaction_id HAVING count(*) > 1;

-- Silver: valid rows that are not a later copy of a repeated id, partitioned by year and month.
-- Skips: the staged run table's Delta commit, checking the rows written against the rows counted.
COPY (SELECT transaction_id, customer_id, transaction_amount, currency, transaction_timestamp, event_year, event_month,
    _run_key, _source_file, _ingested_at, CAST([] AS VARCHAR[]) AS _warnings
  FROM floor_checked LEFT JOIN floor_repeated ON id = transaction_id
  WHERE valid AND NOT coalesce(_record_number > first, false))
TO {{silver}} (FORMAT parquet, PARTITION_BY (event_year, event_month), FILENAME_PATTERN 'part-{uuid}', COMPRESSION zstd, COMPRESSION_LEVEL 1);

-- Quarantine: every other record as it arrived, with the rules it broke. Skips: the quarantine
-- table's Delta commit, the per-rule counts, the failed-rule threshold check.
COPY (SELECT o_transaction_id AS transaction_id, o_customer_id AS customer_id, o_transaction_amount AS transaction_amount,
    o_currency AS currency, o_transaction_timestamp AS transaction_timestamp,
    CASE WHEN _malformed IS NOT NULL THEN ['malformed'] ELSE list_filter([
      CASE WHEN amount_failed THEN 'cast_transaction_amount' END, CASE WHEN timestamp_failed THEN 'cast_transaction_timestamp' END,
      CASE WHEN transaction_id IS NULL THEN 'not_null_transaction_id' END,
      CASE WHEN currency IS NOT NULL AND currency NOT IN ('EUR', 'USD', 'GBP') THEN 'accepted_values_currency' END,
      CASE WHEN valid THEN 'unique_transaction_id' END], x -> x IS NOT NULL) END AS _rule_failures,
    _malformed, _raw, _source_file, _record_number, _ingested_at
  FROM floor_checked LEFT JOIN floor_repeated ON id = transaction_id
  WHERE NOT valid OR coalesce(_record_number > first, false))
TO {{quarantine}} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1);
