-- ===== wordpress_api.posts: bronze (duckdb) =====
CREATE OR REPLACE TEMP TABLE raw_records (__f_0 VARCHAR, __f_1 VARCHAR, __f_2 VARCHAR, __f_3 VARCHAR, __f_4 VARCHAR, __f_5 VARCHAR, __f_6 VARCHAR, __f_7 VARCHAR, __f_8 VARCHAR, __f_9 VARCHAR, __f_10 VARCHAR, __f_11 VARCHAR, __f_12 VARCHAR, __f_13 VARCHAR, __f_14 VARCHAR, __f_15 VARCHAR, __f_16 VARCHAR, __f_17 VARCHAR, _source_file VARCHAR, __malformed VARCHAR, __raw VARCHAR);

-- newline-delimited JSON (a file holding one JSON array is read with read_json_objects(format = 'array'))
INSERT INTO raw_records SELECT CASE WHEN regexp_matches(__values[1], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"id"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[1] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[1] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."id"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[1], '{') OR starts_with(__values[1], '[')) AND regexp_matches(__values[1], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."id"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[1] END, CASE WHEN regexp_matches(__values[2], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"date"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[2] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[2] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."date"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[2], '{') OR starts_with(__values[2], '[')) AND regexp_matches(__values[2], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."date"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[2] END, CASE WHEN regexp_matches(__values[3], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"date_gmt"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[3] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[3] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."date_gmt"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[3], '{') OR starts_with(__values[3], '[')) AND regexp_matches(__values[3], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."date_gmt"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[3] END, CASE WHEN regexp_matches(__values[4], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"modified"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[4] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[4] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."modified"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[4], '{') OR starts_with(__values[4], '[')) AND regexp_matches(__values[4], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."modified"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[4] END, CASE WHEN regexp_matches(__values[5], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"modified_gmt"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[5] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[5] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."modified_gmt"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[5], '{') OR starts_with(__values[5], '[')) AND regexp_matches(__values[5], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."modified_gmt"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[5] END, CASE WHEN regexp_matches(__values[6], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"slug"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[6] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[6] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."slug"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[6], '{') OR starts_with(__values[6], '[')) AND regexp_matches(__values[6], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."slug"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[6] END, CASE WHEN regexp_matches(__values[7], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"status"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[7] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[7] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."status"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[7], '{') OR starts_with(__values[7], '[')) AND regexp_matches(__values[7], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."status"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[7] END, CASE WHEN regexp_matches(__values[8], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"type"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[8] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[8] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."type"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[8], '{') OR starts_with(__values[8], '[')) AND regexp_matches(__values[8], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."type"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[8] END, CASE WHEN regexp_matches(__values[9], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"link"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[9] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[9] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."link"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[9], '{') OR starts_with(__values[9], '[')) AND regexp_matches(__values[9], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."link"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[9] END, CASE WHEN regexp_matches(__values[10], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"rendered"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[10] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[10] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."title"."rendered"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[10], '{') OR starts_with(__values[10], '[')) AND regexp_matches(__values[10], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."title"."rendered"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[10] END, CASE WHEN regexp_matches(__values[11], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"rendered"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[11] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[11] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."content"."rendered"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[11], '{') OR starts_with(__values[11], '[')) AND regexp_matches(__values[11], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."content"."rendered"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[11] END, CASE WHEN regexp_matches(__values[12], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"rendered"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[12] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[12] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."excerpt"."rendered"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[12], '{') OR starts_with(__values[12], '[')) AND regexp_matches(__values[12], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."excerpt"."rendered"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[12] END, CASE WHEN regexp_matches(__values[13], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"author"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[13] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[13] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."author"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[13], '{') OR starts_with(__values[13], '[')) AND regexp_matches(__values[13], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."author"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[13] END, CASE WHEN regexp_matches(__values[14], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"featured_media"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[14] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[14] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."featured_media"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[14], '{') OR starts_with(__values[14], '[')) AND regexp_matches(__values[14], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."featured_media"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[14] END, CASE WHEN regexp_matches(__values[15], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"comment_status"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[15] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[15] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."comment_status"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[15], '{') OR starts_with(__values[15], '[')) AND regexp_matches(__values[15], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."comment_status"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[15] END, CASE WHEN regexp_matches(__values[16], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"ping_status"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[16] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[16] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."ping_status"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[16], '{') OR starts_with(__values[16], '[')) AND regexp_matches(__values[16], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."ping_status"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[16] END, CASE WHEN regexp_matches(__values[17], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"sticky"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[17] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[17] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."sticky"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[17], '{') OR starts_with(__values[17], '[')) AND regexp_matches(__values[17], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."sticky"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[17] END, CASE WHEN regexp_matches(__values[18], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"format"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[18] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[18] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."format"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[18], '{') OR starts_with(__values[18], '[')) AND regexp_matches(__values[18], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."format"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[18] END, filename, CASE WHEN __object IS NULL THEN 'not a JSON object' WHEN __duplicate IS NOT NULL THEN 'the JSON object has the key ' || to_json(__duplicate) || ' more than once' END, CASE WHEN __object IS NULL OR __duplicate IS NOT NULL THEN line END
FROM (SELECT *, CASE WHEN list_bool_or(list_transform(__keys, __k -> len(__k) <> len(list_distinct(__k)))) THEN flatten(list_transform(__keys, __k -> list_filter(list_distinct(__k), __x -> len(list_filter(__k, __y -> __y = __x)) > 1)))[1] END AS __duplicate FROM (SELECT line, filename, __object, json_extract_string(__object, ['$."id"', '$."date"', '$."date_gmt"', '$."modified"', '$."modified_gmt"', '$."slug"', '$."status"', '$."type"', '$."link"', '$."title"."rendered"', '$."content"."rendered"', '$."excerpt"."rendered"', '$."author"', '$."featured_media"', '$."comment_status"', '$."ping_status"', '$."sticky"', '$."format"']) AS __values, json_keys(__object, ['$', '$."title"', '$."content"', '$."excerpt"']) AS __keys
  FROM (SELECT line, filename, CASE WHEN json_valid(line) AND (ascii(line) = 123 OR starts_with(ltrim(line, e' \t\r\n'), '{')) THEN line END AS __object
    FROM read_csv(['/srv/medallion/samples/wordpress_api/posts.json'], header = false, auto_detect = false, columns = {'line': 'VARCHAR'}, delim = chr(31), quote = '', escape = '', filename = true, store_rejects = true, rejects_table = 'raw_rejects_0', rejects_scan = 'raw_scans_0')
    WHERE line IS NOT NULL AND (ascii(line) BETWEEN 33 AND 126 OR trim(line) <> ''))));

INSERT INTO raw_records SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, s.file_path, string_agg(CAST(e.error_type AS VARCHAR) || ': ' || e.error_message, '; ') || ' (line ' || CAST(e.line AS VARCHAR) || ')', any_value(e.csv_line)
FROM raw_rejects_0 e JOIN raw_scans_0 s ON e.scan_id = s.scan_id AND e.file_id = s.file_id
GROUP BY s.file_path, e.line ORDER BY s.file_path, e.line;

CREATE OR REPLACE TEMP VIEW bronze_rows AS
SELECT CASE WHEN regexp_matches(__f_0, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_0 AS BIGINT) END AS "id", CASE WHEN regexp_matches(__f_1, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\z') THEN TRY_CAST(__f_1 AS TIMESTAMPTZ) WHEN regexp_matches(__f_1, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\z') THEN TRY_CAST(substr(trim(__f_1, ' '), 1, 16) || ':00' || substr(trim(__f_1, ' '), 17) AS TIMESTAMPTZ) END AS "date", CASE WHEN regexp_matches(__f_2, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\z') THEN TRY_CAST(__f_2 AS TIMESTAMPTZ) WHEN regexp_matches(__f_2, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\z') THEN TRY_CAST(substr(trim(__f_2, ' '), 1, 16) || ':00' || substr(trim(__f_2, ' '), 17) AS TIMESTAMPTZ) END AS "date_gmt", CASE WHEN regexp_matches(__f_3, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\z') THEN TRY_CAST(__f_3 AS TIMESTAMPTZ) WHEN regexp_matches(__f_3, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\z') THEN TRY_CAST(substr(trim(__f_3, ' '), 1, 16) || ':00' || substr(trim(__f_3, ' '), 17) AS TIMESTAMPTZ) END AS "modified", CASE WHEN regexp_matches(__f_4, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\z') THEN TRY_CAST(__f_4 AS TIMESTAMPTZ) WHEN regexp_matches(__f_4, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\z') THEN TRY_CAST(substr(trim(__f_4, ' '), 1, 16) || ':00' || substr(trim(__f_4, ' '), 17) AS TIMESTAMPTZ) END AS "modified_gmt", CAST(__f_5 AS VARCHAR) AS "slug", CAST(__f_6 AS VARCHAR) AS "status", CAST(__f_7 AS VARCHAR) AS "type", CAST(__f_8 AS VARCHAR) AS "link", CAST(__f_9 AS VARCHAR) AS "title", CAST(__f_10 AS VARCHAR) AS "content", CAST(__f_11 AS VARCHAR) AS "excerpt", CASE WHEN regexp_matches(__f_12, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_12 AS BIGINT) END AS "author", CASE WHEN regexp_matches(__f_13, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_13 AS BIGINT) END AS "featured_media", CAST(__f_14 AS VARCHAR) AS "comment_status", CAST(__f_15 AS VARCHAR) AS "ping_status", CASE WHEN lower(trim(__f_16, ' ')) IN ('true', 't', 'yes', 'y', '1') THEN true WHEN lower(trim(__f_16, ' ')) IN ('false', 'f', 'no', 'n', '0') THEN false END AS "sticky", CAST(__f_17 AS VARCHAR) AS "format",
  coalesce(__malformed, nullif(concat_ws('; ', CASE WHEN __f_0 IS NOT NULL AND CASE WHEN regexp_matches(__f_0, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_0 AS BIGINT) END IS NULL THEN 'column `id` does not cast to long: ' || __f_0 END, CASE WHEN __f_1 IS NOT NULL AND CASE WHEN regexp_matches(__f_1, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\z') THEN TRY_CAST(__f_1 AS TIMESTAMPTZ) WHEN regexp_matches(__f_1, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\z') THEN TRY_CAST(substr(trim(__f_1, ' '), 1, 16) || ':00' || substr(trim(__f_1, ' '), 17) AS TIMESTAMPTZ) END IS NULL THEN 'column `date` does not cast to timestamp: ' || __f_1 END, CASE WHEN __f_2 IS NOT NULL AND CASE WHEN regexp_matches(__f_2, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\z') THEN TRY_CAST(__f_2 AS TIMESTAMPTZ) WHEN regexp_matches(__f_2, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\z') THEN TRY_CAST(substr(trim(__f_2, ' '), 1, 16) || ':00' || substr(trim(__f_2, ' '), 17) AS TIMESTAMPTZ) END IS NULL THEN 'column `date_gmt` does not cast to timestamp: ' || __f_2 END, CASE WHEN __f_3 IS NOT NULL AND CASE WHEN regexp_matches(__f_3, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\z') THEN TRY_CAST(__f_3 AS TIMESTAMPTZ) WHEN regexp_matches(__f_3, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\z') THEN TRY_CAST(substr(trim(__f_3, ' '), 1, 16) || ':00' || substr(trim(__f_3, ' '), 17) AS TIMESTAMPTZ) END IS NULL THEN 'column `modified` does not cast to timestamp: ' || __f_3 END, CASE WHEN __f_4 IS NOT NULL AND CASE WHEN regexp_matches(__f_4, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\z') THEN TRY_CAST(__f_4 AS TIMESTAMPTZ) WHEN regexp_matches(__f_4, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\z') THEN TRY_CAST(substr(trim(__f_4, ' '), 1, 16) || ':00' || substr(trim(__f_4, ' '), 17) AS TIMESTAMPTZ) END IS NULL THEN 'column `modified_gmt` does not cast to timestamp: ' || __f_4 END, CASE WHEN __f_12 IS NOT NULL AND CASE WHEN regexp_matches(__f_12, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_12 AS BIGINT) END IS NULL THEN 'column `author` does not cast to long: ' || __f_12 END, CASE WHEN __f_13 IS NOT NULL AND CASE WHEN regexp_matches(__f_13, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_13 AS BIGINT) END IS NULL THEN 'column `featured_media` does not cast to long: ' || __f_13 END, CASE WHEN __f_16 IS NOT NULL AND CASE WHEN lower(trim(__f_16, ' ')) IN ('true', 't', 'yes', 'y', '1') THEN true WHEN lower(trim(__f_16, ' ')) IN ('false', 'f', 'no', 'n', '0') THEN false END IS NULL THEN 'column `sticky` does not cast to boolean: ' || __f_16 END), '')) AS _malformed,
  CASE WHEN __malformed IS NOT NULL THEN __raw WHEN nullif(concat_ws('; ', CASE WHEN __f_0 IS NOT NULL AND CASE WHEN regexp_matches(__f_0, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_0 AS BIGINT) END IS NULL THEN 'column `id` does not cast to long: ' || __f_0 END, CASE WHEN __f_1 IS NOT NULL AND CASE WHEN regexp_matches(__f_1, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\z') THEN TRY_CAST(__f_1 AS TIMESTAMPTZ) WHEN regexp_matches(__f_1, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\z') THEN TRY_CAST(substr(trim(__f_1, ' '), 1, 16) || ':00' || substr(trim(__f_1, ' '), 17) AS TIMESTAMPTZ) END IS NULL THEN 'column `date` does not cast to timestamp: ' || __f_1 END, CASE WHEN __f_2 IS NOT NULL AND CASE WHEN regexp_matches(__f_2, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\z') THEN TRY_CAST(__f_2 AS TIMESTAMPTZ) WHEN regexp_matches(__f_2, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\z') THEN TRY_CAST(substr(trim(__f_2, ' '), 1, 16) || ':00' || substr(trim(__f_2, ' '), 17) AS TIMESTAMPTZ) END IS NULL THEN 'column `date_gmt` does not cast to timestamp: ' || __f_2 END, CASE WHEN __f_3 IS NOT NULL AND CASE WHEN regexp_matches(__f_3, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\z') THEN TRY_CAST(__f_3 AS TIMESTAMPTZ) WHEN regexp_matches(__f_3, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\z') THEN TRY_CAST(substr(trim(__f_3, ' '), 1, 16) || ':00' || substr(trim(__f_3, ' '), 17) AS TIMESTAMPTZ) END IS NULL THEN 'column `modified` does not cast to timestamp: ' || __f_3 END, CASE WHEN __f_4 IS NOT NULL AND CASE WHEN regexp_matches(__f_4, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?)?)?)? *\z') THEN TRY_CAST(__f_4 AS TIMESTAMPTZ) WHEN regexp_matches(__f_4, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?:Z|[+-](?:0[0-9]|1[0-4])(?::[0-5][0-9])?) *\z') THEN TRY_CAST(substr(trim(__f_4, ' '), 1, 16) || ':00' || substr(trim(__f_4, ' '), 17) AS TIMESTAMPTZ) END IS NULL THEN 'column `modified_gmt` does not cast to timestamp: ' || __f_4 END, CASE WHEN __f_12 IS NOT NULL AND CASE WHEN regexp_matches(__f_12, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_12 AS BIGINT) END IS NULL THEN 'column `author` does not cast to long: ' || __f_12 END, CASE WHEN __f_13 IS NOT NULL AND CASE WHEN regexp_matches(__f_13, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_13 AS BIGINT) END IS NULL THEN 'column `featured_media` does not cast to long: ' || __f_13 END, CASE WHEN __f_16 IS NOT NULL AND CASE WHEN lower(trim(__f_16, ' ')) IN ('true', 't', 'yes', 'y', '1') THEN true WHEN lower(trim(__f_16, ' ')) IN ('false', 'f', 'no', 'n', '0') THEN false END IS NULL THEN 'column `sticky` does not cast to boolean: ' || __f_16 END), '') IS NOT NULL THEN CAST(to_json(struct_pack("id" := __f_0, "date" := __f_1, "date_gmt" := __f_2, "modified" := __f_3, "modified_gmt" := __f_4, "slug" := __f_5, "status" := __f_6, "type" := __f_7, "link" := __f_8, "title" := __f_9, "content" := __f_10, "excerpt" := __f_11, "author" := __f_12, "featured_media" := __f_13, "comment_status" := __f_14, "ping_status" := __f_15, "sticky" := __f_16, "format" := __f_17)) AS VARCHAR) END AS _raw,
  '<run-key>' AS _run_key,
  CASE WHEN starts_with(_source_file, '/srv/medallion/samples/') THEN substr(_source_file, 24) ELSE _source_file END AS _source_file,
  TIMESTAMPTZ '<run start>' AS _ingested_at,
  CAST(rowid + 1 AS BIGINT) AS _record_number,
  DATE '<run start>' AS _ingest_date
FROM raw_records;

SELECT count(*), count(_malformed) FROM bronze_rows;

COPY (SELECT * EXCLUDE ("_ingest_date") FROM (SELECT * FROM bronze_rows)) TO '/srv/medallion/lake/bronze/wordpress_api/posts/schema_v=1/_ingest_date=<run start>/part-{uuid}.parquet' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, DICTIONARY_SIZE_LIMIT 256, RETURN_STATS);

-- then one Delta commit on the bronze table: add the files written, remove the files of an earlier attempt of this run key

-- ===== wordpress_api.posts: silver (duckdb) =====
-- bronze_run_files: the live files of /srv/medallion/lake/bronze/wordpress_api/posts/schema_v=1 written by this run key, read through its Delta log
CREATE OR REPLACE TEMP VIEW bronze_input AS SELECT * FROM bronze_run_files WHERE _run_key = '<run-key>';

CREATE OR REPLACE TEMP TABLE "__rule_1_keys" AS
WITH s0 AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    "featured_media",
    "comment_status",
    "ping_status",
    "sticky",
    "format",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "id" AS "__o_id",
    "date" AS "__o_date",
    "date_gmt" AS "__o_date_gmt",
    "modified" AS "__o_modified",
    "modified_gmt" AS "__o_modified_gmt",
    "slug" AS "__o_slug",
    "status" AS "__o_status",
    "type" AS "__o_type",
    "link" AS "__o_link",
    "title" AS "__o_title",
    "content" AS "__o_content",
    "excerpt" AS "__o_excerpt",
    "author" AS "__o_author",
    "featured_media" AS "__o_featured_media",
    "comment_status" AS "__o_comment_status",
    "ping_status" AS "__o_ping_status",
    "sticky" AS "__o_sticky",
    "format" AS "__o_format"
  FROM "bronze_input"
),
s1 AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_date",
    "__o_date_gmt",
    "__o_modified",
    "__o_modified_gmt",
    "__o_slug",
    "__o_status",
    "__o_type",
    "__o_link",
    "__o_title",
    "__o_content",
    "__o_excerpt",
    "__o_author",
    "__o_featured_media",
    "__o_comment_status",
    "__o_ping_status",
    "__o_sticky",
    "__o_format"
  FROM s0
),
s2 AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    replace(array_to_string(list_transform(string_split(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("title", '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&apos;', ''''), '&nbsp;', ' '), '&ndash;', '–'), '&mdash;', '—'), '&hellip;', '…'), '&rsquo;', '’'), '&lsquo;', '‘'), '&rdquo;', '”'), '&ldquo;', '“'), '&#'), (piece, i) -> CASE WHEN i = 1 THEN piece WHEN regexp_matches(piece, '^[0-9]{1,7};') AND (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER)) || regexp_replace(piece, '^[0-9]{1,7};', '') WHEN regexp_matches(piece, '^[xX][0-9a-fA-F]{1,6};') AND (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER)) || regexp_replace(piece, '^[xX][0-9a-fA-F]{1,6};', '') ELSE '&#' || piece END), ''), '&amp;', '&') AS "title",
    "content",
    "excerpt",
    "author",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_date",
    "__o_date_gmt",
    "__o_modified",
    "__o_modified_gmt",
    "__o_slug",
    "__o_status",
    "__o_type",
    "__o_link",
    "__o_title",
    "__o_content",
    "__o_excerpt",
    "__o_author",
    "__o_featured_media",
    "__o_comment_status",
    "__o_ping_status",
    "__o_sticky",
    "__o_format"
  FROM s1
),
s3 AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    CAST(date_part('year', make_timestamp(epoch_us("date"))) AS INTEGER) AS "date_year",
    CAST(date_part('month', make_timestamp(epoch_us("date"))) AS INTEGER) AS "date_month",
    CAST(date_part('day', make_timestamp(epoch_us("date"))) AS INTEGER) AS "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_date",
    "__o_date_gmt",
    "__o_modified",
    "__o_modified_gmt",
    "__o_slug",
    "__o_status",
    "__o_type",
    "__o_link",
    "__o_title",
    "__o_content",
    "__o_excerpt",
    "__o_author",
    "__o_featured_media",
    "__o_comment_status",
    "__o_ping_status",
    "__o_sticky",
    "__o_format"
  FROM s2
),
s4 AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_date",
    "__o_date_gmt",
    "__o_modified",
    "__o_modified_gmt",
    "__o_slug",
    "__o_status",
    "__o_type",
    "__o_link",
    "__o_title",
    "__o_content",
    "__o_excerpt",
    "__o_author",
    "__o_featured_media",
    "__o_comment_status",
    "__o_ping_status",
    "__o_sticky",
    "__o_format",
    "id" AS "__dedup_3_k0",
    "modified" AS "__dedup_3_by"
  FROM s3
),
live AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_date",
    "__o_date_gmt",
    "__o_modified",
    "__o_modified_gmt",
    "__o_slug",
    "__o_status",
    "__o_type",
    "__o_link",
    "__o_title",
    "__o_content",
    "__o_excerpt",
    "__o_author",
    "__o_featured_media",
    "__o_comment_status",
    "__o_ping_status",
    "__o_sticky",
    "__o_format",
    "__dedup_3_k0",
    "__dedup_3_by",
    ("_malformed" IS NULL) AS __live
  FROM s4
),
checked AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_date",
    "__o_date_gmt",
    "__o_modified",
    "__o_modified_gmt",
    "__o_slug",
    "__o_status",
    "__o_type",
    "__o_link",
    "__o_title",
    "__o_content",
    "__o_excerpt",
    "__o_author",
    "__o_featured_media",
    "__o_comment_status",
    "__o_ping_status",
    "__o_sticky",
    "__o_format",
    "__dedup_3_k0",
    "__dedup_3_by",
    "__live",
    ("__live" AND FALSE) AS "__rule_partition_date_year",
    ("__live" AND FALSE) AS "__rule_partition_date_month",
    ("__live" AND "id" IS NULL) AS "__rule_0",
    ("__live" AND ("status" IS NOT NULL AND NOT (CAST("status" AS VARCHAR) IN ('publish', 'draft', 'private', 'future', 'pending')))) AS "__rule_2"
  FROM live
),
valid AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_date",
    "__o_date_gmt",
    "__o_modified",
    "__o_modified_gmt",
    "__o_slug",
    "__o_status",
    "__o_type",
    "__o_link",
    "__o_title",
    "__o_content",
    "__o_excerpt",
    "__o_author",
    "__o_featured_media",
    "__o_comment_status",
    "__o_ping_status",
    "__o_sticky",
    "__o_format",
    "__dedup_3_k0",
    "__dedup_3_by",
    "__live",
    "__rule_partition_date_year",
    "__rule_partition_date_month",
    "__rule_0",
    "__rule_2",
    ("__live" AND NOT "__rule_partition_date_year" AND NOT "__rule_partition_date_month" AND NOT "__rule_0" AND NOT "__rule_2") AS "__valid"
  FROM checked
),
deduplicated3 AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_date",
    "__o_date_gmt",
    "__o_modified",
    "__o_modified_gmt",
    "__o_slug",
    "__o_status",
    "__o_type",
    "__o_link",
    "__o_title",
    "__o_content",
    "__o_excerpt",
    "__o_author",
    "__o_featured_media",
    "__o_comment_status",
    "__o_ping_status",
    "__o_sticky",
    "__o_format",
    "__dedup_3_k0",
    "__dedup_3_by",
    "__live",
    "__rule_partition_date_year",
    "__rule_partition_date_month",
    "__rule_0",
    "__rule_2",
    "__valid",
    (("__valid") AND "__dedup_3_k0" IS NOT NULL AND row_number() OVER (PARTITION BY ("__valid"), "__dedup_3_k0" ORDER BY "__dedup_3_by" DESC NULLS LAST, "_record_number" DESC) > 1) AS "__duplicate_3"
  FROM valid
)
SELECT "id" AS "__rule_1_k0", min("_record_number") AS "__rule_1_first"
    FROM deduplicated3 WHERE ("__valid" AND NOT "__duplicate_3") GROUP BY "id" HAVING count(*) > 1;

CREATE OR REPLACE TEMP VIEW routed AS
WITH s0 AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    "featured_media",
    "comment_status",
    "ping_status",
    "sticky",
    "format",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "id" AS "__o_id",
    "date" AS "__o_date",
    "date_gmt" AS "__o_date_gmt",
    "modified" AS "__o_modified",
    "modified_gmt" AS "__o_modified_gmt",
    "slug" AS "__o_slug",
    "status" AS "__o_status",
    "type" AS "__o_type",
    "link" AS "__o_link",
    "title" AS "__o_title",
    "content" AS "__o_content",
    "excerpt" AS "__o_excerpt",
    "author" AS "__o_author",
    "featured_media" AS "__o_featured_media",
    "comment_status" AS "__o_comment_status",
    "ping_status" AS "__o_ping_status",
    "sticky" AS "__o_sticky",
    "format" AS "__o_format"
  FROM "bronze_input"
),
s1 AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_date",
    "__o_date_gmt",
    "__o_modified",
    "__o_modified_gmt",
    "__o_slug",
    "__o_status",
    "__o_type",
    "__o_link",
    "__o_title",
    "__o_content",
    "__o_excerpt",
    "__o_author",
    "__o_featured_media",
    "__o_comment_status",
    "__o_ping_status",
    "__o_sticky",
    "__o_format"
  FROM s0
),
s2 AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    replace(array_to_string(list_transform(string_split(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("title", '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&apos;', ''''), '&nbsp;', ' '), '&ndash;', '–'), '&mdash;', '—'), '&hellip;', '…'), '&rsquo;', '’'), '&lsquo;', '‘'), '&rdquo;', '”'), '&ldquo;', '“'), '&#'), (piece, i) -> CASE WHEN i = 1 THEN piece WHEN regexp_matches(piece, '^[0-9]{1,7};') AND (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER)) || regexp_replace(piece, '^[0-9]{1,7};', '') WHEN regexp_matches(piece, '^[xX][0-9a-fA-F]{1,6};') AND (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER)) || regexp_replace(piece, '^[xX][0-9a-fA-F]{1,6};', '') ELSE '&#' || piece END), ''), '&amp;', '&') AS "title",
    "content",
    "excerpt",
    "author",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_date",
    "__o_date_gmt",
    "__o_modified",
    "__o_modified_gmt",
    "__o_slug",
    "__o_status",
    "__o_type",
    "__o_link",
    "__o_title",
    "__o_content",
    "__o_excerpt",
    "__o_author",
    "__o_featured_media",
    "__o_comment_status",
    "__o_ping_status",
    "__o_sticky",
    "__o_format"
  FROM s1
),
s3 AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    CAST(date_part('year', make_timestamp(epoch_us("date"))) AS INTEGER) AS "date_year",
    CAST(date_part('month', make_timestamp(epoch_us("date"))) AS INTEGER) AS "date_month",
    CAST(date_part('day', make_timestamp(epoch_us("date"))) AS INTEGER) AS "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_date",
    "__o_date_gmt",
    "__o_modified",
    "__o_modified_gmt",
    "__o_slug",
    "__o_status",
    "__o_type",
    "__o_link",
    "__o_title",
    "__o_content",
    "__o_excerpt",
    "__o_author",
    "__o_featured_media",
    "__o_comment_status",
    "__o_ping_status",
    "__o_sticky",
    "__o_format"
  FROM s2
),
s4 AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_date",
    "__o_date_gmt",
    "__o_modified",
    "__o_modified_gmt",
    "__o_slug",
    "__o_status",
    "__o_type",
    "__o_link",
    "__o_title",
    "__o_content",
    "__o_excerpt",
    "__o_author",
    "__o_featured_media",
    "__o_comment_status",
    "__o_ping_status",
    "__o_sticky",
    "__o_format",
    "id" AS "__dedup_3_k0",
    "modified" AS "__dedup_3_by"
  FROM s3
),
live AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_date",
    "__o_date_gmt",
    "__o_modified",
    "__o_modified_gmt",
    "__o_slug",
    "__o_status",
    "__o_type",
    "__o_link",
    "__o_title",
    "__o_content",
    "__o_excerpt",
    "__o_author",
    "__o_featured_media",
    "__o_comment_status",
    "__o_ping_status",
    "__o_sticky",
    "__o_format",
    "__dedup_3_k0",
    "__dedup_3_by",
    ("_malformed" IS NULL) AS __live
  FROM s4
),
checked AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_date",
    "__o_date_gmt",
    "__o_modified",
    "__o_modified_gmt",
    "__o_slug",
    "__o_status",
    "__o_type",
    "__o_link",
    "__o_title",
    "__o_content",
    "__o_excerpt",
    "__o_author",
    "__o_featured_media",
    "__o_comment_status",
    "__o_ping_status",
    "__o_sticky",
    "__o_format",
    "__dedup_3_k0",
    "__dedup_3_by",
    "__live",
    ("__live" AND FALSE) AS "__rule_partition_date_year",
    ("__live" AND FALSE) AS "__rule_partition_date_month",
    ("__live" AND "id" IS NULL) AS "__rule_0",
    ("__live" AND ("status" IS NOT NULL AND NOT (CAST("status" AS VARCHAR) IN ('publish', 'draft', 'private', 'future', 'pending')))) AS "__rule_2"
  FROM live
),
valid AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_date",
    "__o_date_gmt",
    "__o_modified",
    "__o_modified_gmt",
    "__o_slug",
    "__o_status",
    "__o_type",
    "__o_link",
    "__o_title",
    "__o_content",
    "__o_excerpt",
    "__o_author",
    "__o_featured_media",
    "__o_comment_status",
    "__o_ping_status",
    "__o_sticky",
    "__o_format",
    "__dedup_3_k0",
    "__dedup_3_by",
    "__live",
    "__rule_partition_date_year",
    "__rule_partition_date_month",
    "__rule_0",
    "__rule_2",
    ("__live" AND NOT "__rule_partition_date_year" AND NOT "__rule_partition_date_month" AND NOT "__rule_0" AND NOT "__rule_2") AS "__valid"
  FROM checked
),
deduplicated3 AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_date",
    "__o_date_gmt",
    "__o_modified",
    "__o_modified_gmt",
    "__o_slug",
    "__o_status",
    "__o_type",
    "__o_link",
    "__o_title",
    "__o_content",
    "__o_excerpt",
    "__o_author",
    "__o_featured_media",
    "__o_comment_status",
    "__o_ping_status",
    "__o_sticky",
    "__o_format",
    "__dedup_3_k0",
    "__dedup_3_by",
    "__live",
    "__rule_partition_date_year",
    "__rule_partition_date_month",
    "__rule_0",
    "__rule_2",
    "__valid",
    (("__valid") AND "__dedup_3_k0" IS NOT NULL AND row_number() OVER (PARTITION BY ("__valid"), "__dedup_3_k0" ORDER BY "__dedup_3_by" DESC NULLS LAST, "_record_number" DESC) > 1) AS "__duplicate_3"
  FROM valid
),
keyed AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_date",
    "__o_date_gmt",
    "__o_modified",
    "__o_modified_gmt",
    "__o_slug",
    "__o_status",
    "__o_type",
    "__o_link",
    "__o_title",
    "__o_content",
    "__o_excerpt",
    "__o_author",
    "__o_featured_media",
    "__o_comment_status",
    "__o_ping_status",
    "__o_sticky",
    "__o_format",
    "__dedup_3_k0",
    "__dedup_3_by",
    "__live",
    "__rule_partition_date_year",
    "__rule_partition_date_month",
    "__rule_0",
    "__rule_2",
    "__valid",
    "__duplicate_3",
    (("__valid" AND NOT "__duplicate_3") AND ("id" IS NOT NULL AND coalesce("_record_number" > "__rule_1_first", FALSE))) AS "__rule_1"
  FROM deduplicated3
  LEFT JOIN "__rule_1_keys" AS "__rule_1_keys"
    ON "__rule_1_k0" = deduplicated3."id"
)
SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_date",
    "__o_date_gmt",
    "__o_modified",
    "__o_modified_gmt",
    "__o_slug",
    "__o_status",
    "__o_type",
    "__o_link",
    "__o_title",
    "__o_content",
    "__o_excerpt",
    "__o_author",
    "__o_featured_media",
    "__o_comment_status",
    "__o_ping_status",
    "__o_sticky",
    "__o_format",
    "__dedup_3_k0",
    "__dedup_3_by",
    "__live",
    "__rule_partition_date_year",
    "__rule_partition_date_month",
    "__rule_0",
    "__rule_2",
    "__valid",
    "__duplicate_3",
    "__rule_1",
    CASE WHEN "_malformed" IS NOT NULL THEN ['malformed'] ELSE list_filter([CASE WHEN "__rule_partition_date_year" THEN 'partition_date_year' END, CASE WHEN "__rule_partition_date_month" THEN 'partition_date_month' END, CASE WHEN "__rule_0" THEN 'not_null_id' END, CASE WHEN "__rule_1" THEN 'unique_id' END, CASE WHEN "__rule_2" THEN 'accepted_values_status' END], x -> x IS NOT NULL) END AS "_rule_failures",
    CAST([] AS VARCHAR[]) AS "_warnings",
    CASE WHEN "_malformed" IS NOT NULL THEN 'quarantine' WHEN "__rule_partition_date_year" THEN 'quarantine' WHEN "__rule_partition_date_month" THEN 'quarantine' WHEN "__rule_0" THEN 'quarantine' WHEN "__rule_2" THEN 'quarantine' WHEN "__duplicate_3" THEN 'duplicate' WHEN "__rule_1" THEN 'quarantine' ELSE 'silver' END AS "__disposition"
  FROM keyed;

-- the rows that are not plain silver (quarantined, duplicates, filtered, or breaking a rule): usually few
CREATE OR REPLACE TEMP TABLE routed_exceptions AS SELECT * FROM routed
WHERE __disposition <> 'silver' OR "__rule_partition_date_year" OR "__rule_partition_date_month" OR "__rule_0" OR "__rule_1" OR "__rule_2";

SELECT __read, __read - __n0 - __n1 - __n2, __n0, __n1, __n2, __malformed, __rule0, __rule1, __rule2, __rule3, __rule4 FROM (SELECT (SELECT count(*) FROM bronze_input) AS __read, count(*) FILTER (WHERE __disposition = 'quarantine') AS __n0, count(*) FILTER (WHERE __disposition = 'duplicate') AS __n1, count(*) FILTER (WHERE __disposition = 'filtered') AS __n2, count(_malformed) AS __malformed, count(*) FILTER (WHERE "__rule_partition_date_year") AS __rule0, count(*) FILTER (WHERE "__rule_partition_date_month") AS __rule1, count(*) FILTER (WHERE "__rule_0") AS __rule2, count(*) FILTER (WHERE "__rule_1") AS __rule3, count(*) FILTER (WHERE "__rule_2") AS __rule4 FROM routed_exceptions);

COPY (SELECT "id", "date", "date_gmt", "modified", "modified_gmt", "slug", "status", "type", "link", "title", "content", "excerpt", "author", "date_year", "date_month", "date_day", "_run_key", "_source_file", "_ingested_at", CAST([] AS VARCHAR[]) AS "_warnings" FROM (
WITH s0 AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    "featured_media",
    "comment_status",
    "ping_status",
    "sticky",
    "format",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "id" AS "__o_id",
    "date" AS "__o_date",
    "date_gmt" AS "__o_date_gmt",
    "modified" AS "__o_modified",
    "modified_gmt" AS "__o_modified_gmt",
    "slug" AS "__o_slug",
    "status" AS "__o_status",
    "type" AS "__o_type",
    "link" AS "__o_link",
    "title" AS "__o_title",
    "content" AS "__o_content",
    "excerpt" AS "__o_excerpt",
    "author" AS "__o_author",
    "featured_media" AS "__o_featured_media",
    "comment_status" AS "__o_comment_status",
    "ping_status" AS "__o_ping_status",
    "sticky" AS "__o_sticky",
    "format" AS "__o_format"
  FROM "bronze_input"
),
s1 AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_date",
    "__o_date_gmt",
    "__o_modified",
    "__o_modified_gmt",
    "__o_slug",
    "__o_status",
    "__o_type",
    "__o_link",
    "__o_title",
    "__o_content",
    "__o_excerpt",
    "__o_author",
    "__o_featured_media",
    "__o_comment_status",
    "__o_ping_status",
    "__o_sticky",
    "__o_format"
  FROM s0
),
s2 AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    replace(array_to_string(list_transform(string_split(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("title", '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&apos;', ''''), '&nbsp;', ' '), '&ndash;', '–'), '&mdash;', '—'), '&hellip;', '…'), '&rsquo;', '’'), '&lsquo;', '‘'), '&rdquo;', '”'), '&ldquo;', '“'), '&#'), (piece, i) -> CASE WHEN i = 1 THEN piece WHEN regexp_matches(piece, '^[0-9]{1,7};') AND (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER)) || regexp_replace(piece, '^[0-9]{1,7};', '') WHEN regexp_matches(piece, '^[xX][0-9a-fA-F]{1,6};') AND (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER)) || regexp_replace(piece, '^[xX][0-9a-fA-F]{1,6};', '') ELSE '&#' || piece END), ''), '&amp;', '&') AS "title",
    "content",
    "excerpt",
    "author",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_date",
    "__o_date_gmt",
    "__o_modified",
    "__o_modified_gmt",
    "__o_slug",
    "__o_status",
    "__o_type",
    "__o_link",
    "__o_title",
    "__o_content",
    "__o_excerpt",
    "__o_author",
    "__o_featured_media",
    "__o_comment_status",
    "__o_ping_status",
    "__o_sticky",
    "__o_format"
  FROM s1
),
s3 AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    CAST(date_part('year', make_timestamp(epoch_us("date"))) AS INTEGER) AS "date_year",
    CAST(date_part('month', make_timestamp(epoch_us("date"))) AS INTEGER) AS "date_month",
    CAST(date_part('day', make_timestamp(epoch_us("date"))) AS INTEGER) AS "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_date",
    "__o_date_gmt",
    "__o_modified",
    "__o_modified_gmt",
    "__o_slug",
    "__o_status",
    "__o_type",
    "__o_link",
    "__o_title",
    "__o_content",
    "__o_excerpt",
    "__o_author",
    "__o_featured_media",
    "__o_comment_status",
    "__o_ping_status",
    "__o_sticky",
    "__o_format"
  FROM s2
),
s4 AS (
  SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_date",
    "__o_date_gmt",
    "__o_modified",
    "__o_modified_gmt",
    "__o_slug",
    "__o_status",
    "__o_type",
    "__o_link",
    "__o_title",
    "__o_content",
    "__o_excerpt",
    "__o_author",
    "__o_featured_media",
    "__o_comment_status",
    "__o_ping_status",
    "__o_sticky",
    "__o_format",
    "id" AS "__dedup_3_k0",
    "modified" AS "__dedup_3_by"
  FROM s3
)
SELECT "id",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number"
  FROM s4
) AS transformed
ANTI JOIN (SELECT "_record_number" FROM routed_exceptions WHERE __disposition <> 'silver') AS x ON x."_record_number" = transformed."_record_number") TO '/srv/medallion/lake/silver/wordpress_api/posts/schema_v=1/runs/run_key=<run-key>' (FORMAT parquet, PARTITION_BY ("date_year", "date_month"), APPEND, FILENAME_PATTERN 'part-{uuid}', COMPRESSION zstd, COMPRESSION_LEVEL 1, RETURN_STATS);

COPY (SELECT * EXCLUDE ("_run_key") FROM (SELECT "__o_id" AS "id", "__o_date" AS "date", "__o_date_gmt" AS "date_gmt", "__o_modified" AS "modified", "__o_modified_gmt" AS "modified_gmt", "__o_slug" AS "slug", "__o_status" AS "status", "__o_type" AS "type", "__o_link" AS "link", "__o_title" AS "title", "__o_content" AS "content", "__o_excerpt" AS "excerpt", "__o_author" AS "author", "__o_featured_media" AS "featured_media", "__o_comment_status" AS "comment_status", "__o_ping_status" AS "ping_status", "__o_sticky" AS "sticky", "__o_format" AS "format", "_rule_failures", "_malformed", "_raw", "_source_file", "_record_number", "_ingested_at", "_run_key" FROM routed_exceptions WHERE __disposition = 'quarantine')) TO '/srv/medallion/lake/quarantine/wordpress_api/posts/schema_v=1/_run_key=<run-key>/part-{uuid}.parquet' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, RETURN_STATS);

-- then one Delta commit creating the staged run table, and one on the quarantine table replacing this run key's partition

-- ===== wordpress_api.statistics_pages: bronze (duckdb) =====
CREATE OR REPLACE TEMP TABLE raw_records (__f_0 VARCHAR, __f_1 VARCHAR, __f_2 VARCHAR, __f_3 VARCHAR, __f_4 VARCHAR, _source_file VARCHAR, __malformed VARCHAR, __raw VARCHAR);

-- newline-delimited JSON (a file holding one JSON array is read with read_json_objects(format = 'array'))
INSERT INTO raw_records SELECT CASE WHEN regexp_matches(__values[1], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"id"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[1] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[1] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."id"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[1], '{') OR starts_with(__values[1], '[')) AND regexp_matches(__values[1], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."id"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[1] END, CASE WHEN regexp_matches(__values[2], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"title"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[2] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[2] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."title"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[2], '{') OR starts_with(__values[2], '[')) AND regexp_matches(__values[2], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."title"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[2] END, CASE WHEN regexp_matches(__values[3], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"url"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[3] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[3] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."url"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[3], '{') OR starts_with(__values[3], '[')) AND regexp_matches(__values[3], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."url"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[3] END, CASE WHEN regexp_matches(__values[4], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"views"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[4] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[4] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."views"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[4], '{') OR starts_with(__values[4], '[')) AND regexp_matches(__values[4], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."views"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[4] END, CASE WHEN regexp_matches(__values[5], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"date"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[5] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[5] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."date"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[5], '{') OR starts_with(__values[5], '[')) AND regexp_matches(__values[5], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."date"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[5] END, filename, CASE WHEN __object IS NULL THEN 'not a JSON object' WHEN __duplicate IS NOT NULL THEN 'the JSON object has the key ' || to_json(__duplicate) || ' more than once' END, CASE WHEN __object IS NULL OR __duplicate IS NOT NULL THEN line END
FROM (SELECT *, CASE WHEN list_bool_or(list_transform(__keys, __k -> len(__k) <> len(list_distinct(__k)))) THEN flatten(list_transform(__keys, __k -> list_filter(list_distinct(__k), __x -> len(list_filter(__k, __y -> __y = __x)) > 1)))[1] END AS __duplicate FROM (SELECT line, filename, __object, json_extract_string(__object, ['$."id"', '$."title"', '$."url"', '$."views"', '$."date"']) AS __values, json_keys(__object, ['$']) AS __keys
  FROM (SELECT line, filename, CASE WHEN json_valid(line) AND (ascii(line) = 123 OR starts_with(ltrim(line, e' \t\r\n'), '{')) THEN line END AS __object
    FROM read_csv(['/srv/medallion/samples/wordpress_api/statistics_pages.json'], header = false, auto_detect = false, columns = {'line': 'VARCHAR'}, delim = chr(31), quote = '', escape = '', filename = true, store_rejects = true, rejects_table = 'raw_rejects_0', rejects_scan = 'raw_scans_0')
    WHERE line IS NOT NULL AND (ascii(line) BETWEEN 33 AND 126 OR trim(line) <> ''))));

INSERT INTO raw_records SELECT NULL, NULL, NULL, NULL, NULL, s.file_path, string_agg(CAST(e.error_type AS VARCHAR) || ': ' || e.error_message, '; ') || ' (line ' || CAST(e.line AS VARCHAR) || ')', any_value(e.csv_line)
FROM raw_rejects_0 e JOIN raw_scans_0 s ON e.scan_id = s.scan_id AND e.file_id = s.file_id
GROUP BY s.file_path, e.line ORDER BY s.file_path, e.line;

CREATE OR REPLACE TEMP VIEW bronze_rows AS
SELECT CASE WHEN regexp_matches(__f_0, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_0 AS BIGINT) END AS "id", CAST(__f_1 AS VARCHAR) AS "title", CAST(__f_2 AS VARCHAR) AS "url", CASE WHEN regexp_matches(__f_3, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_3 AS BIGINT) END AS "views", CASE WHEN regexp_matches(__f_4, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01]) *\z') THEN TRY_CAST(__f_4 AS DATE) END AS "date",
  coalesce(__malformed, nullif(concat_ws('; ', CASE WHEN __f_0 IS NOT NULL AND CASE WHEN regexp_matches(__f_0, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_0 AS BIGINT) END IS NULL THEN 'column `id` does not cast to long: ' || __f_0 END, CASE WHEN __f_3 IS NOT NULL AND CASE WHEN regexp_matches(__f_3, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_3 AS BIGINT) END IS NULL THEN 'column `views` does not cast to long: ' || __f_3 END, CASE WHEN __f_4 IS NOT NULL AND CASE WHEN regexp_matches(__f_4, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01]) *\z') THEN TRY_CAST(__f_4 AS DATE) END IS NULL THEN 'column `date` does not cast to date: ' || __f_4 END), '')) AS _malformed,
  CASE WHEN __malformed IS NOT NULL THEN __raw WHEN nullif(concat_ws('; ', CASE WHEN __f_0 IS NOT NULL AND CASE WHEN regexp_matches(__f_0, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_0 AS BIGINT) END IS NULL THEN 'column `id` does not cast to long: ' || __f_0 END, CASE WHEN __f_3 IS NOT NULL AND CASE WHEN regexp_matches(__f_3, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_3 AS BIGINT) END IS NULL THEN 'column `views` does not cast to long: ' || __f_3 END, CASE WHEN __f_4 IS NOT NULL AND CASE WHEN regexp_matches(__f_4, '^ *(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01]) *\z') THEN TRY_CAST(__f_4 AS DATE) END IS NULL THEN 'column `date` does not cast to date: ' || __f_4 END), '') IS NOT NULL THEN CAST(to_json(struct_pack("id" := __f_0, "title" := __f_1, "url" := __f_2, "views" := __f_3, "date" := __f_4)) AS VARCHAR) END AS _raw,
  '<run-key>' AS _run_key,
  CASE WHEN starts_with(_source_file, '/srv/medallion/samples/') THEN substr(_source_file, 24) ELSE _source_file END AS _source_file,
  TIMESTAMPTZ '<run start>' AS _ingested_at,
  CAST(rowid + 1 AS BIGINT) AS _record_number,
  DATE '<run start>' AS _ingest_date
FROM raw_records;

SELECT count(*), count(_malformed) FROM bronze_rows;

COPY (SELECT * EXCLUDE ("_ingest_date") FROM (SELECT * FROM bronze_rows)) TO '/srv/medallion/lake/bronze/wordpress_api/statistics_pages/schema_v=1/_ingest_date=<run start>/part-{uuid}.parquet' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, DICTIONARY_SIZE_LIMIT 256, RETURN_STATS);

-- then one Delta commit on the bronze table: add the files written, remove the files of an earlier attempt of this run key

-- ===== wordpress_api.statistics_pages: silver (duckdb) =====
-- bronze_run_files: the live files of /srv/medallion/lake/bronze/wordpress_api/statistics_pages/schema_v=1 written by this run key, read through its Delta log
CREATE OR REPLACE TEMP VIEW bronze_input AS SELECT * FROM bronze_run_files WHERE _run_key = '<run-key>';

CREATE OR REPLACE TEMP TABLE "__rule_1_keys" AS
WITH s0 AS (
  SELECT "id",
    "title",
    "url",
    "views",
    "date",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "id" AS "__o_id",
    "title" AS "__o_title",
    "url" AS "__o_url",
    "views" AS "__o_views",
    "date" AS "__o_date"
  FROM "bronze_input"
),
s1 AS (
  SELECT "id",
    replace(array_to_string(list_transform(string_split(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("title", '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&apos;', ''''), '&nbsp;', ' '), '&ndash;', '–'), '&mdash;', '—'), '&hellip;', '…'), '&rsquo;', '’'), '&lsquo;', '‘'), '&rdquo;', '”'), '&ldquo;', '“'), '&#'), (piece, i) -> CASE WHEN i = 1 THEN piece WHEN regexp_matches(piece, '^[0-9]{1,7};') AND (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER)) || regexp_replace(piece, '^[0-9]{1,7};', '') WHEN regexp_matches(piece, '^[xX][0-9a-fA-F]{1,6};') AND (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER)) || regexp_replace(piece, '^[xX][0-9a-fA-F]{1,6};', '') ELSE '&#' || piece END), ''), '&amp;', '&') AS "title",
    "url",
    "views",
    "date",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_title",
    "__o_url",
    "__o_views",
    "__o_date"
  FROM s0
),
s2 AS (
  SELECT "id",
    "title",
    "url",
    "views",
    "date",
    CAST(date_part('year', make_timestamp(epoch_us("date"))) AS INTEGER) AS "date_year",
    CAST(date_part('month', make_timestamp(epoch_us("date"))) AS INTEGER) AS "date_month",
    CAST(date_part('day', make_timestamp(epoch_us("date"))) AS INTEGER) AS "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_title",
    "__o_url",
    "__o_views",
    "__o_date"
  FROM s1
),
live AS (
  SELECT "id",
    "title",
    "url",
    "views",
    "date",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_title",
    "__o_url",
    "__o_views",
    "__o_date",
    ("_malformed" IS NULL) AS __live
  FROM s2
),
checked AS (
  SELECT "id",
    "title",
    "url",
    "views",
    "date",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_title",
    "__o_url",
    "__o_views",
    "__o_date",
    "__live",
    ("__live" AND FALSE) AS "__rule_partition_date_year",
    ("__live" AND FALSE) AS "__rule_partition_date_month",
    ("__live" AND "id" IS NULL) AS "__rule_0",
    ("__live" AND ("views" IS NOT NULL AND NOT ("views" >= TRY_CAST('0' AS BIGINT)))) AS "__rule_2"
  FROM live
),
valid AS (
  SELECT "id",
    "title",
    "url",
    "views",
    "date",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_title",
    "__o_url",
    "__o_views",
    "__o_date",
    "__live",
    "__rule_partition_date_year",
    "__rule_partition_date_month",
    "__rule_0",
    "__rule_2",
    ("__live" AND NOT "__rule_partition_date_year" AND NOT "__rule_partition_date_month" AND NOT "__rule_0" AND NOT "__rule_2") AS "__valid"
  FROM checked
)
SELECT "id" AS "__rule_1_k0", "date" AS "__rule_1_k1", min("_record_number") AS "__rule_1_first"
    FROM valid WHERE ("__valid") GROUP BY "id", "date" HAVING count(*) > 1;

CREATE OR REPLACE TEMP VIEW routed AS
WITH s0 AS (
  SELECT "id",
    "title",
    "url",
    "views",
    "date",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "id" AS "__o_id",
    "title" AS "__o_title",
    "url" AS "__o_url",
    "views" AS "__o_views",
    "date" AS "__o_date"
  FROM "bronze_input"
),
s1 AS (
  SELECT "id",
    replace(array_to_string(list_transform(string_split(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("title", '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&apos;', ''''), '&nbsp;', ' '), '&ndash;', '–'), '&mdash;', '—'), '&hellip;', '…'), '&rsquo;', '’'), '&lsquo;', '‘'), '&rdquo;', '”'), '&ldquo;', '“'), '&#'), (piece, i) -> CASE WHEN i = 1 THEN piece WHEN regexp_matches(piece, '^[0-9]{1,7};') AND (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER)) || regexp_replace(piece, '^[0-9]{1,7};', '') WHEN regexp_matches(piece, '^[xX][0-9a-fA-F]{1,6};') AND (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER)) || regexp_replace(piece, '^[xX][0-9a-fA-F]{1,6};', '') ELSE '&#' || piece END), ''), '&amp;', '&') AS "title",
    "url",
    "views",
    "date",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_title",
    "__o_url",
    "__o_views",
    "__o_date"
  FROM s0
),
s2 AS (
  SELECT "id",
    "title",
    "url",
    "views",
    "date",
    CAST(date_part('year', make_timestamp(epoch_us("date"))) AS INTEGER) AS "date_year",
    CAST(date_part('month', make_timestamp(epoch_us("date"))) AS INTEGER) AS "date_month",
    CAST(date_part('day', make_timestamp(epoch_us("date"))) AS INTEGER) AS "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_title",
    "__o_url",
    "__o_views",
    "__o_date"
  FROM s1
),
live AS (
  SELECT "id",
    "title",
    "url",
    "views",
    "date",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_title",
    "__o_url",
    "__o_views",
    "__o_date",
    ("_malformed" IS NULL) AS __live
  FROM s2
),
checked AS (
  SELECT "id",
    "title",
    "url",
    "views",
    "date",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_title",
    "__o_url",
    "__o_views",
    "__o_date",
    "__live",
    ("__live" AND FALSE) AS "__rule_partition_date_year",
    ("__live" AND FALSE) AS "__rule_partition_date_month",
    ("__live" AND "id" IS NULL) AS "__rule_0",
    ("__live" AND ("views" IS NOT NULL AND NOT ("views" >= TRY_CAST('0' AS BIGINT)))) AS "__rule_2"
  FROM live
),
valid AS (
  SELECT "id",
    "title",
    "url",
    "views",
    "date",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_title",
    "__o_url",
    "__o_views",
    "__o_date",
    "__live",
    "__rule_partition_date_year",
    "__rule_partition_date_month",
    "__rule_0",
    "__rule_2",
    ("__live" AND NOT "__rule_partition_date_year" AND NOT "__rule_partition_date_month" AND NOT "__rule_0" AND NOT "__rule_2") AS "__valid"
  FROM checked
),
keyed AS (
  SELECT "id",
    "title",
    "url",
    "views",
    "date",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_title",
    "__o_url",
    "__o_views",
    "__o_date",
    "__live",
    "__rule_partition_date_year",
    "__rule_partition_date_month",
    "__rule_0",
    "__rule_2",
    "__valid",
    (("__valid") AND ("id" IS NOT NULL AND "date" IS NOT NULL AND coalesce("_record_number" > "__rule_1_first", FALSE))) AS "__rule_1"
  FROM valid
  LEFT JOIN "__rule_1_keys" AS "__rule_1_keys"
    ON "__rule_1_k0" = valid."id" AND "__rule_1_k1" = valid."date"
)
SELECT "id",
    "title",
    "url",
    "views",
    "date",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_title",
    "__o_url",
    "__o_views",
    "__o_date",
    "__live",
    "__rule_partition_date_year",
    "__rule_partition_date_month",
    "__rule_0",
    "__rule_2",
    "__valid",
    "__rule_1",
    CASE WHEN "_malformed" IS NOT NULL THEN ['malformed'] ELSE list_filter([CASE WHEN "__rule_partition_date_year" THEN 'partition_date_year' END, CASE WHEN "__rule_partition_date_month" THEN 'partition_date_month' END, CASE WHEN "__rule_0" THEN 'not_null_id' END, CASE WHEN "__rule_1" THEN 'unique_id_date' END, CASE WHEN "__rule_2" THEN 'range_views' END], x -> x IS NOT NULL) END AS "_rule_failures",
    CAST([] AS VARCHAR[]) AS "_warnings",
    CASE WHEN "_malformed" IS NOT NULL THEN 'quarantine' WHEN "__rule_partition_date_year" THEN 'quarantine' WHEN "__rule_partition_date_month" THEN 'quarantine' WHEN "__rule_0" THEN 'quarantine' WHEN "__rule_2" THEN 'quarantine' WHEN "__rule_1" THEN 'quarantine' ELSE 'silver' END AS "__disposition"
  FROM keyed;

-- the rows that are not plain silver (quarantined, duplicates, filtered, or breaking a rule): usually few
CREATE OR REPLACE TEMP TABLE routed_exceptions AS SELECT * FROM routed
WHERE __disposition <> 'silver' OR "__rule_partition_date_year" OR "__rule_partition_date_month" OR "__rule_0" OR "__rule_1" OR "__rule_2";

SELECT __read, __read - __n0 - __n1 - __n2, __n0, __n1, __n2, __malformed, __rule0, __rule1, __rule2, __rule3, __rule4 FROM (SELECT (SELECT count(*) FROM bronze_input) AS __read, count(*) FILTER (WHERE __disposition = 'quarantine') AS __n0, count(*) FILTER (WHERE __disposition = 'duplicate') AS __n1, count(*) FILTER (WHERE __disposition = 'filtered') AS __n2, count(_malformed) AS __malformed, count(*) FILTER (WHERE "__rule_partition_date_year") AS __rule0, count(*) FILTER (WHERE "__rule_partition_date_month") AS __rule1, count(*) FILTER (WHERE "__rule_0") AS __rule2, count(*) FILTER (WHERE "__rule_1") AS __rule3, count(*) FILTER (WHERE "__rule_2") AS __rule4 FROM routed_exceptions);

COPY (SELECT "id", "title", "url", "views", "date", "date_year", "date_month", "date_day", "_run_key", "_source_file", "_ingested_at", CAST([] AS VARCHAR[]) AS "_warnings" FROM (
WITH s0 AS (
  SELECT "id",
    "title",
    "url",
    "views",
    "date",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "id" AS "__o_id",
    "title" AS "__o_title",
    "url" AS "__o_url",
    "views" AS "__o_views",
    "date" AS "__o_date"
  FROM "bronze_input"
),
s1 AS (
  SELECT "id",
    replace(array_to_string(list_transform(string_split(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("title", '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&apos;', ''''), '&nbsp;', ' '), '&ndash;', '–'), '&mdash;', '—'), '&hellip;', '…'), '&rsquo;', '’'), '&lsquo;', '‘'), '&rdquo;', '”'), '&ldquo;', '“'), '&#'), (piece, i) -> CASE WHEN i = 1 THEN piece WHEN regexp_matches(piece, '^[0-9]{1,7};') AND (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER)) || regexp_replace(piece, '^[0-9]{1,7};', '') WHEN regexp_matches(piece, '^[xX][0-9a-fA-F]{1,6};') AND (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER)) || regexp_replace(piece, '^[xX][0-9a-fA-F]{1,6};', '') ELSE '&#' || piece END), ''), '&amp;', '&') AS "title",
    "url",
    "views",
    "date",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_title",
    "__o_url",
    "__o_views",
    "__o_date"
  FROM s0
),
s2 AS (
  SELECT "id",
    "title",
    "url",
    "views",
    "date",
    CAST(date_part('year', make_timestamp(epoch_us("date"))) AS INTEGER) AS "date_year",
    CAST(date_part('month', make_timestamp(epoch_us("date"))) AS INTEGER) AS "date_month",
    CAST(date_part('day', make_timestamp(epoch_us("date"))) AS INTEGER) AS "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_id",
    "__o_title",
    "__o_url",
    "__o_views",
    "__o_date"
  FROM s1
)
SELECT "id",
    "title",
    "url",
    "views",
    "date",
    "date_year",
    "date_month",
    "date_day",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number"
  FROM s2
) AS transformed
ANTI JOIN (SELECT "_record_number" FROM routed_exceptions WHERE __disposition <> 'silver') AS x ON x."_record_number" = transformed."_record_number") TO '/srv/medallion/lake/silver/wordpress_api/statistics_pages/schema_v=1/runs/run_key=<run-key>' (FORMAT parquet, PARTITION_BY ("date_year", "date_month"), APPEND, FILENAME_PATTERN 'part-{uuid}', COMPRESSION zstd, COMPRESSION_LEVEL 1, RETURN_STATS);

COPY (SELECT * EXCLUDE ("_run_key") FROM (SELECT "__o_id" AS "id", "__o_title" AS "title", "__o_url" AS "url", "__o_views" AS "views", "__o_date" AS "date", "_rule_failures", "_malformed", "_raw", "_source_file", "_record_number", "_ingested_at", "_run_key" FROM routed_exceptions WHERE __disposition = 'quarantine')) TO '/srv/medallion/lake/quarantine/wordpress_api/statistics_pages/schema_v=1/_run_key=<run-key>/part-{uuid}.parquet' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, RETURN_STATS);

-- then one Delta commit creating the staged run table, and one on the quarantine table replacing this run key's partition

-- ===== wordpress_api.terms: bronze (duckdb) =====
CREATE OR REPLACE TEMP TABLE raw_records (__f_0 VARCHAR, __f_1 VARCHAR, __f_2 VARCHAR, __f_3 VARCHAR, _source_file VARCHAR, __malformed VARCHAR, __raw VARCHAR);

-- newline-delimited JSON (a file holding one JSON array is read with read_json_objects(format = 'array'))
INSERT INTO raw_records SELECT CASE WHEN regexp_matches(__values[1], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"term_id"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[1] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[1] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."term_id"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[1], '{') OR starts_with(__values[1], '[')) AND regexp_matches(__values[1], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."term_id"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[1] END, CASE WHEN regexp_matches(__values[2], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"name"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[2] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[2] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."name"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[2], '{') OR starts_with(__values[2], '[')) AND regexp_matches(__values[2], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."name"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[2] END, CASE WHEN regexp_matches(__values[3], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"slug"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[3] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[3] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."slug"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[3], '{') OR starts_with(__values[3], '[')) AND regexp_matches(__values[3], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."slug"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[3] END, CASE WHEN regexp_matches(__values[4], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"term_group"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[4] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[4] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."term_group"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[4], '{') OR starts_with(__values[4], '[')) AND regexp_matches(__values[4], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."term_group"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[4] END, filename, CASE WHEN __object IS NULL THEN 'not a JSON object' WHEN __duplicate IS NOT NULL THEN 'the JSON object has the key ' || to_json(__duplicate) || ' more than once' END, CASE WHEN __object IS NULL OR __duplicate IS NOT NULL THEN line END
FROM (SELECT *, CASE WHEN list_bool_or(list_transform(__keys, __k -> len(__k) <> len(list_distinct(__k)))) THEN flatten(list_transform(__keys, __k -> list_filter(list_distinct(__k), __x -> len(list_filter(__k, __y -> __y = __x)) > 1)))[1] END AS __duplicate FROM (SELECT line, filename, __object, json_extract_string(__object, ['$."term_id"', '$."name"', '$."slug"', '$."term_group"']) AS __values, json_keys(__object, ['$']) AS __keys
  FROM (SELECT line, filename, CASE WHEN json_valid(line) AND (ascii(line) = 123 OR starts_with(ltrim(line, e' \t\r\n'), '{')) THEN line END AS __object
    FROM read_csv(['/srv/medallion/samples/wordpress_api/terms.json'], header = false, auto_detect = false, columns = {'line': 'VARCHAR'}, delim = chr(31), quote = '', escape = '', filename = true, store_rejects = true, rejects_table = 'raw_rejects_0', rejects_scan = 'raw_scans_0')
    WHERE line IS NOT NULL AND (ascii(line) BETWEEN 33 AND 126 OR trim(line) <> ''))));

INSERT INTO raw_records SELECT NULL, NULL, NULL, NULL, s.file_path, string_agg(CAST(e.error_type AS VARCHAR) || ': ' || e.error_message, '; ') || ' (line ' || CAST(e.line AS VARCHAR) || ')', any_value(e.csv_line)
FROM raw_rejects_0 e JOIN raw_scans_0 s ON e.scan_id = s.scan_id AND e.file_id = s.file_id
GROUP BY s.file_path, e.line ORDER BY s.file_path, e.line;

CREATE OR REPLACE TEMP VIEW bronze_rows AS
SELECT CASE WHEN regexp_matches(__f_0, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_0 AS BIGINT) END AS "term_id", CAST(__f_1 AS VARCHAR) AS "name", CAST(__f_2 AS VARCHAR) AS "slug", CASE WHEN regexp_matches(__f_3, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_3 AS BIGINT) END AS "term_group",
  coalesce(__malformed, nullif(concat_ws('; ', CASE WHEN __f_0 IS NOT NULL AND CASE WHEN regexp_matches(__f_0, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_0 AS BIGINT) END IS NULL THEN 'column `term_id` does not cast to long: ' || __f_0 END, CASE WHEN __f_3 IS NOT NULL AND CASE WHEN regexp_matches(__f_3, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_3 AS BIGINT) END IS NULL THEN 'column `term_group` does not cast to long: ' || __f_3 END), '')) AS _malformed,
  CASE WHEN __malformed IS NOT NULL THEN __raw WHEN nullif(concat_ws('; ', CASE WHEN __f_0 IS NOT NULL AND CASE WHEN regexp_matches(__f_0, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_0 AS BIGINT) END IS NULL THEN 'column `term_id` does not cast to long: ' || __f_0 END, CASE WHEN __f_3 IS NOT NULL AND CASE WHEN regexp_matches(__f_3, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_3 AS BIGINT) END IS NULL THEN 'column `term_group` does not cast to long: ' || __f_3 END), '') IS NOT NULL THEN CAST(to_json(struct_pack("term_id" := __f_0, "name" := __f_1, "slug" := __f_2, "term_group" := __f_3)) AS VARCHAR) END AS _raw,
  '<run-key>' AS _run_key,
  CASE WHEN starts_with(_source_file, '/srv/medallion/samples/') THEN substr(_source_file, 24) ELSE _source_file END AS _source_file,
  TIMESTAMPTZ '<run start>' AS _ingested_at,
  CAST(rowid + 1 AS BIGINT) AS _record_number,
  DATE '<run start>' AS _ingest_date
FROM raw_records;

SELECT count(*), count(_malformed) FROM bronze_rows;

COPY (SELECT * EXCLUDE ("_ingest_date") FROM (SELECT * FROM bronze_rows)) TO '/srv/medallion/lake/bronze/wordpress_api/terms/schema_v=1/_ingest_date=<run start>/part-{uuid}.parquet' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, DICTIONARY_SIZE_LIMIT 256, RETURN_STATS);

-- then one Delta commit on the bronze table: add the files written, remove the files of an earlier attempt of this run key

-- ===== wordpress_api.terms: silver (duckdb) =====
-- bronze_run_files: the live files of /srv/medallion/lake/bronze/wordpress_api/terms/schema_v=1 written by this run key, read through its Delta log
CREATE OR REPLACE TEMP VIEW bronze_input AS SELECT * FROM bronze_run_files WHERE _run_key = '<run-key>';

CREATE OR REPLACE TEMP TABLE "__rule_1_keys" AS
WITH s0 AS (
  SELECT "term_id",
    "name",
    "slug",
    "term_group",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "term_id" AS "__o_term_id",
    "name" AS "__o_name",
    "slug" AS "__o_slug",
    "term_group" AS "__o_term_group"
  FROM "bronze_input"
),
s1 AS (
  SELECT "term_id",
    replace(array_to_string(list_transform(string_split(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("name", '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&apos;', ''''), '&nbsp;', ' '), '&ndash;', '–'), '&mdash;', '—'), '&hellip;', '…'), '&rsquo;', '’'), '&lsquo;', '‘'), '&rdquo;', '”'), '&ldquo;', '“'), '&#'), (piece, i) -> CASE WHEN i = 1 THEN piece WHEN regexp_matches(piece, '^[0-9]{1,7};') AND (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER)) || regexp_replace(piece, '^[0-9]{1,7};', '') WHEN regexp_matches(piece, '^[xX][0-9a-fA-F]{1,6};') AND (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER)) || regexp_replace(piece, '^[xX][0-9a-fA-F]{1,6};', '') ELSE '&#' || piece END), ''), '&amp;', '&') AS "name",
    "slug",
    "term_group",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_term_id",
    "__o_name",
    "__o_slug",
    "__o_term_group"
  FROM s0
),
live AS (
  SELECT "term_id",
    "name",
    "slug",
    "term_group",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_term_id",
    "__o_name",
    "__o_slug",
    "__o_term_group",
    ("_malformed" IS NULL) AS __live
  FROM s1
),
checked AS (
  SELECT "term_id",
    "name",
    "slug",
    "term_group",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_term_id",
    "__o_name",
    "__o_slug",
    "__o_term_group",
    "__live",
    ("__live" AND "term_id" IS NULL) AS "__rule_0"
  FROM live
),
valid AS (
  SELECT "term_id",
    "name",
    "slug",
    "term_group",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_term_id",
    "__o_name",
    "__o_slug",
    "__o_term_group",
    "__live",
    "__rule_0",
    ("__live" AND NOT "__rule_0") AS "__valid"
  FROM checked
)
SELECT "term_id" AS "__rule_1_k0", min("_record_number") AS "__rule_1_first"
    FROM valid WHERE ("__valid") GROUP BY "term_id" HAVING count(*) > 1;

CREATE OR REPLACE TEMP VIEW routed AS
WITH s0 AS (
  SELECT "term_id",
    "name",
    "slug",
    "term_group",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "term_id" AS "__o_term_id",
    "name" AS "__o_name",
    "slug" AS "__o_slug",
    "term_group" AS "__o_term_group"
  FROM "bronze_input"
),
s1 AS (
  SELECT "term_id",
    replace(array_to_string(list_transform(string_split(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("name", '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&apos;', ''''), '&nbsp;', ' '), '&ndash;', '–'), '&mdash;', '—'), '&hellip;', '…'), '&rsquo;', '’'), '&lsquo;', '‘'), '&rdquo;', '”'), '&ldquo;', '“'), '&#'), (piece, i) -> CASE WHEN i = 1 THEN piece WHEN regexp_matches(piece, '^[0-9]{1,7};') AND (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER)) || regexp_replace(piece, '^[0-9]{1,7};', '') WHEN regexp_matches(piece, '^[xX][0-9a-fA-F]{1,6};') AND (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER)) || regexp_replace(piece, '^[xX][0-9a-fA-F]{1,6};', '') ELSE '&#' || piece END), ''), '&amp;', '&') AS "name",
    "slug",
    "term_group",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_term_id",
    "__o_name",
    "__o_slug",
    "__o_term_group"
  FROM s0
),
live AS (
  SELECT "term_id",
    "name",
    "slug",
    "term_group",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_term_id",
    "__o_name",
    "__o_slug",
    "__o_term_group",
    ("_malformed" IS NULL) AS __live
  FROM s1
),
checked AS (
  SELECT "term_id",
    "name",
    "slug",
    "term_group",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_term_id",
    "__o_name",
    "__o_slug",
    "__o_term_group",
    "__live",
    ("__live" AND "term_id" IS NULL) AS "__rule_0"
  FROM live
),
valid AS (
  SELECT "term_id",
    "name",
    "slug",
    "term_group",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_term_id",
    "__o_name",
    "__o_slug",
    "__o_term_group",
    "__live",
    "__rule_0",
    ("__live" AND NOT "__rule_0") AS "__valid"
  FROM checked
),
keyed AS (
  SELECT "term_id",
    "name",
    "slug",
    "term_group",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_term_id",
    "__o_name",
    "__o_slug",
    "__o_term_group",
    "__live",
    "__rule_0",
    "__valid",
    (("__valid") AND ("term_id" IS NOT NULL AND coalesce("_record_number" > "__rule_1_first", FALSE))) AS "__rule_1"
  FROM valid
  LEFT JOIN "__rule_1_keys" AS "__rule_1_keys"
    ON "__rule_1_k0" = valid."term_id"
)
SELECT "term_id",
    "name",
    "slug",
    "term_group",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_term_id",
    "__o_name",
    "__o_slug",
    "__o_term_group",
    "__live",
    "__rule_0",
    "__valid",
    "__rule_1",
    CASE WHEN "_malformed" IS NOT NULL THEN ['malformed'] ELSE list_filter([CASE WHEN "__rule_0" THEN 'not_null_term_id' END, CASE WHEN "__rule_1" THEN 'unique_term_id' END], x -> x IS NOT NULL) END AS "_rule_failures",
    CAST([] AS VARCHAR[]) AS "_warnings",
    CASE WHEN "_malformed" IS NOT NULL THEN 'quarantine' WHEN "__rule_0" THEN 'quarantine' WHEN "__rule_1" THEN 'quarantine' ELSE 'silver' END AS "__disposition"
  FROM keyed;

-- the rows that are not plain silver (quarantined, duplicates, filtered, or breaking a rule): usually few
CREATE OR REPLACE TEMP TABLE routed_exceptions AS SELECT * FROM routed
WHERE __disposition <> 'silver' OR "__rule_0" OR "__rule_1";

SELECT __read, __read - __n0 - __n1 - __n2, __n0, __n1, __n2, __malformed, __rule0, __rule1 FROM (SELECT (SELECT count(*) FROM bronze_input) AS __read, count(*) FILTER (WHERE __disposition = 'quarantine') AS __n0, count(*) FILTER (WHERE __disposition = 'duplicate') AS __n1, count(*) FILTER (WHERE __disposition = 'filtered') AS __n2, count(_malformed) AS __malformed, count(*) FILTER (WHERE "__rule_0") AS __rule0, count(*) FILTER (WHERE "__rule_1") AS __rule1 FROM routed_exceptions);

COPY (SELECT "term_id", "name", "slug", "term_group", "_run_key", "_source_file", "_ingested_at", CAST([] AS VARCHAR[]) AS "_warnings" FROM (
WITH s0 AS (
  SELECT "term_id",
    "name",
    "slug",
    "term_group",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "term_id" AS "__o_term_id",
    "name" AS "__o_name",
    "slug" AS "__o_slug",
    "term_group" AS "__o_term_group"
  FROM "bronze_input"
),
s1 AS (
  SELECT "term_id",
    replace(array_to_string(list_transform(string_split(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("name", '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&apos;', ''''), '&nbsp;', ' '), '&ndash;', '–'), '&mdash;', '—'), '&hellip;', '…'), '&rsquo;', '’'), '&lsquo;', '‘'), '&rdquo;', '”'), '&ldquo;', '“'), '&#'), (piece, i) -> CASE WHEN i = 1 THEN piece WHEN regexp_matches(piece, '^[0-9]{1,7};') AND (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER)) || regexp_replace(piece, '^[0-9]{1,7};', '') WHEN regexp_matches(piece, '^[xX][0-9a-fA-F]{1,6};') AND (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER)) || regexp_replace(piece, '^[xX][0-9a-fA-F]{1,6};', '') ELSE '&#' || piece END), ''), '&amp;', '&') AS "name",
    "slug",
    "term_group",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_term_id",
    "__o_name",
    "__o_slug",
    "__o_term_group"
  FROM s0
)
SELECT "term_id",
    "name",
    "slug",
    "term_group",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number"
  FROM s1
) AS transformed
ANTI JOIN (SELECT "_record_number" FROM routed_exceptions WHERE __disposition <> 'silver') AS x ON x."_record_number" = transformed."_record_number") TO '/srv/medallion/lake/silver/wordpress_api/terms/schema_v=1/runs/run_key=<run-key>/part-{uuid}.parquet' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, RETURN_STATS);

COPY (SELECT * EXCLUDE ("_run_key") FROM (SELECT "__o_term_id" AS "term_id", "__o_name" AS "name", "__o_slug" AS "slug", "__o_term_group" AS "term_group", "_rule_failures", "_malformed", "_raw", "_source_file", "_record_number", "_ingested_at", "_run_key" FROM routed_exceptions WHERE __disposition = 'quarantine')) TO '/srv/medallion/lake/quarantine/wordpress_api/terms/schema_v=1/_run_key=<run-key>/part-{uuid}.parquet' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, RETURN_STATS);

-- then one Delta commit creating the staged run table, and one on the quarantine table replacing this run key's partition

-- ===== wordpress_api.term_taxonomy: bronze (duckdb) =====
CREATE OR REPLACE TEMP TABLE raw_records (__f_0 VARCHAR, __f_1 VARCHAR, __f_2 VARCHAR, __f_3 VARCHAR, __f_4 VARCHAR, __f_5 VARCHAR, _source_file VARCHAR, __malformed VARCHAR, __raw VARCHAR);

-- newline-delimited JSON (a file holding one JSON array is read with read_json_objects(format = 'array'))
INSERT INTO raw_records SELECT CASE WHEN regexp_matches(__values[1], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"term_taxonomy_id"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[1] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[1] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."term_taxonomy_id"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[1], '{') OR starts_with(__values[1], '[')) AND regexp_matches(__values[1], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."term_taxonomy_id"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[1] END, CASE WHEN regexp_matches(__values[2], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"term_id"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[2] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[2] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."term_id"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[2], '{') OR starts_with(__values[2], '[')) AND regexp_matches(__values[2], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."term_id"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[2] END, CASE WHEN regexp_matches(__values[3], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"taxonomy"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[3] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[3] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."taxonomy"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[3], '{') OR starts_with(__values[3], '[')) AND regexp_matches(__values[3], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."taxonomy"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[3] END, CASE WHEN regexp_matches(__values[4], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"description"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[4] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[4] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."description"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[4], '{') OR starts_with(__values[4], '[')) AND regexp_matches(__values[4], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."description"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[4] END, CASE WHEN regexp_matches(__values[5], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"parent"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[5] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[5] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."parent"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[5], '{') OR starts_with(__values[5], '[')) AND regexp_matches(__values[5], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."parent"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[5] END, CASE WHEN regexp_matches(__values[6], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"count"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[6] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[6] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."count"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[6], '{') OR starts_with(__values[6], '[')) AND regexp_matches(__values[6], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."count"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[6] END, filename, CASE WHEN __object IS NULL THEN 'not a JSON object' WHEN __duplicate IS NOT NULL THEN 'the JSON object has the key ' || to_json(__duplicate) || ' more than once' END, CASE WHEN __object IS NULL OR __duplicate IS NOT NULL THEN line END
FROM (SELECT *, CASE WHEN list_bool_or(list_transform(__keys, __k -> len(__k) <> len(list_distinct(__k)))) THEN flatten(list_transform(__keys, __k -> list_filter(list_distinct(__k), __x -> len(list_filter(__k, __y -> __y = __x)) > 1)))[1] END AS __duplicate FROM (SELECT line, filename, __object, json_extract_string(__object, ['$."term_taxonomy_id"', '$."term_id"', '$."taxonomy"', '$."description"', '$."parent"', '$."count"']) AS __values, json_keys(__object, ['$']) AS __keys
  FROM (SELECT line, filename, CASE WHEN json_valid(line) AND (ascii(line) = 123 OR starts_with(ltrim(line, e' \t\r\n'), '{')) THEN line END AS __object
    FROM read_csv(['/srv/medallion/samples/wordpress_api/term_taxonomy.json'], header = false, auto_detect = false, columns = {'line': 'VARCHAR'}, delim = chr(31), quote = '', escape = '', filename = true, store_rejects = true, rejects_table = 'raw_rejects_0', rejects_scan = 'raw_scans_0')
    WHERE line IS NOT NULL AND (ascii(line) BETWEEN 33 AND 126 OR trim(line) <> ''))));

INSERT INTO raw_records SELECT NULL, NULL, NULL, NULL, NULL, NULL, s.file_path, string_agg(CAST(e.error_type AS VARCHAR) || ': ' || e.error_message, '; ') || ' (line ' || CAST(e.line AS VARCHAR) || ')', any_value(e.csv_line)
FROM raw_rejects_0 e JOIN raw_scans_0 s ON e.scan_id = s.scan_id AND e.file_id = s.file_id
GROUP BY s.file_path, e.line ORDER BY s.file_path, e.line;

CREATE OR REPLACE TEMP VIEW bronze_rows AS
SELECT CASE WHEN regexp_matches(__f_0, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_0 AS BIGINT) END AS "term_taxonomy_id", CASE WHEN regexp_matches(__f_1, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_1 AS BIGINT) END AS "term_id", CAST(__f_2 AS VARCHAR) AS "taxonomy", CAST(__f_3 AS VARCHAR) AS "description", CASE WHEN regexp_matches(__f_4, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_4 AS BIGINT) END AS "parent", CASE WHEN regexp_matches(__f_5, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_5 AS BIGINT) END AS "count",
  coalesce(__malformed, nullif(concat_ws('; ', CASE WHEN __f_0 IS NOT NULL AND CASE WHEN regexp_matches(__f_0, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_0 AS BIGINT) END IS NULL THEN 'column `term_taxonomy_id` does not cast to long: ' || __f_0 END, CASE WHEN __f_1 IS NOT NULL AND CASE WHEN regexp_matches(__f_1, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_1 AS BIGINT) END IS NULL THEN 'column `term_id` does not cast to long: ' || __f_1 END, CASE WHEN __f_4 IS NOT NULL AND CASE WHEN regexp_matches(__f_4, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_4 AS BIGINT) END IS NULL THEN 'column `parent` does not cast to long: ' || __f_4 END, CASE WHEN __f_5 IS NOT NULL AND CASE WHEN regexp_matches(__f_5, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_5 AS BIGINT) END IS NULL THEN 'column `count` does not cast to long: ' || __f_5 END), '')) AS _malformed,
  CASE WHEN __malformed IS NOT NULL THEN __raw WHEN nullif(concat_ws('; ', CASE WHEN __f_0 IS NOT NULL AND CASE WHEN regexp_matches(__f_0, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_0 AS BIGINT) END IS NULL THEN 'column `term_taxonomy_id` does not cast to long: ' || __f_0 END, CASE WHEN __f_1 IS NOT NULL AND CASE WHEN regexp_matches(__f_1, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_1 AS BIGINT) END IS NULL THEN 'column `term_id` does not cast to long: ' || __f_1 END, CASE WHEN __f_4 IS NOT NULL AND CASE WHEN regexp_matches(__f_4, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_4 AS BIGINT) END IS NULL THEN 'column `parent` does not cast to long: ' || __f_4 END, CASE WHEN __f_5 IS NOT NULL AND CASE WHEN regexp_matches(__f_5, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_5 AS BIGINT) END IS NULL THEN 'column `count` does not cast to long: ' || __f_5 END), '') IS NOT NULL THEN CAST(to_json(struct_pack("term_taxonomy_id" := __f_0, "term_id" := __f_1, "taxonomy" := __f_2, "description" := __f_3, "parent" := __f_4, "count" := __f_5)) AS VARCHAR) END AS _raw,
  '<run-key>' AS _run_key,
  CASE WHEN starts_with(_source_file, '/srv/medallion/samples/') THEN substr(_source_file, 24) ELSE _source_file END AS _source_file,
  TIMESTAMPTZ '<run start>' AS _ingested_at,
  CAST(rowid + 1 AS BIGINT) AS _record_number,
  DATE '<run start>' AS _ingest_date
FROM raw_records;

SELECT count(*), count(_malformed) FROM bronze_rows;

COPY (SELECT * EXCLUDE ("_ingest_date") FROM (SELECT * FROM bronze_rows)) TO '/srv/medallion/lake/bronze/wordpress_api/term_taxonomy/schema_v=1/_ingest_date=<run start>/part-{uuid}.parquet' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, DICTIONARY_SIZE_LIMIT 256, RETURN_STATS);

-- then one Delta commit on the bronze table: add the files written, remove the files of an earlier attempt of this run key

-- ===== wordpress_api.term_taxonomy: silver (duckdb) =====
-- bronze_run_files: the live files of /srv/medallion/lake/bronze/wordpress_api/term_taxonomy/schema_v=1 written by this run key, read through its Delta log
CREATE OR REPLACE TEMP VIEW bronze_input AS SELECT * FROM bronze_run_files WHERE _run_key = '<run-key>';

CREATE OR REPLACE TEMP TABLE "__rule_1_keys" AS
WITH s0 AS (
  SELECT "term_taxonomy_id",
    "term_id",
    "taxonomy",
    "description",
    "parent",
    "count",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "term_taxonomy_id" AS "__o_term_taxonomy_id",
    "term_id" AS "__o_term_id",
    "taxonomy" AS "__o_taxonomy",
    "description" AS "__o_description",
    "parent" AS "__o_parent",
    "count" AS "__o_count"
  FROM "bronze_input"
),
s1 AS (
  SELECT "term_taxonomy_id",
    "term_id",
    "taxonomy",
    replace(array_to_string(list_transform(string_split(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("description", '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&apos;', ''''), '&nbsp;', ' '), '&ndash;', '–'), '&mdash;', '—'), '&hellip;', '…'), '&rsquo;', '’'), '&lsquo;', '‘'), '&rdquo;', '”'), '&ldquo;', '“'), '&#'), (piece, i) -> CASE WHEN i = 1 THEN piece WHEN regexp_matches(piece, '^[0-9]{1,7};') AND (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER)) || regexp_replace(piece, '^[0-9]{1,7};', '') WHEN regexp_matches(piece, '^[xX][0-9a-fA-F]{1,6};') AND (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER)) || regexp_replace(piece, '^[xX][0-9a-fA-F]{1,6};', '') ELSE '&#' || piece END), ''), '&amp;', '&') AS "description",
    "parent",
    "count",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_term_taxonomy_id",
    "__o_term_id",
    "__o_taxonomy",
    "__o_description",
    "__o_parent",
    "__o_count"
  FROM s0
),
live AS (
  SELECT "term_taxonomy_id",
    "term_id",
    "taxonomy",
    "description",
    "parent",
    "count",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_term_taxonomy_id",
    "__o_term_id",
    "__o_taxonomy",
    "__o_description",
    "__o_parent",
    "__o_count",
    ("_malformed" IS NULL) AS __live
  FROM s1
),
checked AS (
  SELECT "term_taxonomy_id",
    "term_id",
    "taxonomy",
    "description",
    "parent",
    "count",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_term_taxonomy_id",
    "__o_term_id",
    "__o_taxonomy",
    "__o_description",
    "__o_parent",
    "__o_count",
    "__live",
    ("__live" AND "term_taxonomy_id" IS NULL) AS "__rule_0",
    ("__live" AND ("taxonomy" IS NOT NULL AND NOT (CAST("taxonomy" AS VARCHAR) IN ('category', 'post_tag')))) AS "__rule_2"
  FROM live
),
valid AS (
  SELECT "term_taxonomy_id",
    "term_id",
    "taxonomy",
    "description",
    "parent",
    "count",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_term_taxonomy_id",
    "__o_term_id",
    "__o_taxonomy",
    "__o_description",
    "__o_parent",
    "__o_count",
    "__live",
    "__rule_0",
    "__rule_2",
    ("__live" AND NOT "__rule_0" AND NOT "__rule_2") AS "__valid"
  FROM checked
)
SELECT "term_taxonomy_id" AS "__rule_1_k0", min("_record_number") AS "__rule_1_first"
    FROM valid WHERE ("__valid") GROUP BY "term_taxonomy_id" HAVING count(*) > 1;

CREATE OR REPLACE TEMP VIEW routed AS
WITH s0 AS (
  SELECT "term_taxonomy_id",
    "term_id",
    "taxonomy",
    "description",
    "parent",
    "count",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "term_taxonomy_id" AS "__o_term_taxonomy_id",
    "term_id" AS "__o_term_id",
    "taxonomy" AS "__o_taxonomy",
    "description" AS "__o_description",
    "parent" AS "__o_parent",
    "count" AS "__o_count"
  FROM "bronze_input"
),
s1 AS (
  SELECT "term_taxonomy_id",
    "term_id",
    "taxonomy",
    replace(array_to_string(list_transform(string_split(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("description", '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&apos;', ''''), '&nbsp;', ' '), '&ndash;', '–'), '&mdash;', '—'), '&hellip;', '…'), '&rsquo;', '’'), '&lsquo;', '‘'), '&rdquo;', '”'), '&ldquo;', '“'), '&#'), (piece, i) -> CASE WHEN i = 1 THEN piece WHEN regexp_matches(piece, '^[0-9]{1,7};') AND (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER)) || regexp_replace(piece, '^[0-9]{1,7};', '') WHEN regexp_matches(piece, '^[xX][0-9a-fA-F]{1,6};') AND (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER)) || regexp_replace(piece, '^[xX][0-9a-fA-F]{1,6};', '') ELSE '&#' || piece END), ''), '&amp;', '&') AS "description",
    "parent",
    "count",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_term_taxonomy_id",
    "__o_term_id",
    "__o_taxonomy",
    "__o_description",
    "__o_parent",
    "__o_count"
  FROM s0
),
live AS (
  SELECT "term_taxonomy_id",
    "term_id",
    "taxonomy",
    "description",
    "parent",
    "count",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_term_taxonomy_id",
    "__o_term_id",
    "__o_taxonomy",
    "__o_description",
    "__o_parent",
    "__o_count",
    ("_malformed" IS NULL) AS __live
  FROM s1
),
checked AS (
  SELECT "term_taxonomy_id",
    "term_id",
    "taxonomy",
    "description",
    "parent",
    "count",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_term_taxonomy_id",
    "__o_term_id",
    "__o_taxonomy",
    "__o_description",
    "__o_parent",
    "__o_count",
    "__live",
    ("__live" AND "term_taxonomy_id" IS NULL) AS "__rule_0",
    ("__live" AND ("taxonomy" IS NOT NULL AND NOT (CAST("taxonomy" AS VARCHAR) IN ('category', 'post_tag')))) AS "__rule_2"
  FROM live
),
valid AS (
  SELECT "term_taxonomy_id",
    "term_id",
    "taxonomy",
    "description",
    "parent",
    "count",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_term_taxonomy_id",
    "__o_term_id",
    "__o_taxonomy",
    "__o_description",
    "__o_parent",
    "__o_count",
    "__live",
    "__rule_0",
    "__rule_2",
    ("__live" AND NOT "__rule_0" AND NOT "__rule_2") AS "__valid"
  FROM checked
),
keyed AS (
  SELECT "term_taxonomy_id",
    "term_id",
    "taxonomy",
    "description",
    "parent",
    "count",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_term_taxonomy_id",
    "__o_term_id",
    "__o_taxonomy",
    "__o_description",
    "__o_parent",
    "__o_count",
    "__live",
    "__rule_0",
    "__rule_2",
    "__valid",
    (("__valid") AND ("term_taxonomy_id" IS NOT NULL AND coalesce("_record_number" > "__rule_1_first", FALSE))) AS "__rule_1"
  FROM valid
  LEFT JOIN "__rule_1_keys" AS "__rule_1_keys"
    ON "__rule_1_k0" = valid."term_taxonomy_id"
)
SELECT "term_taxonomy_id",
    "term_id",
    "taxonomy",
    "description",
    "parent",
    "count",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_term_taxonomy_id",
    "__o_term_id",
    "__o_taxonomy",
    "__o_description",
    "__o_parent",
    "__o_count",
    "__live",
    "__rule_0",
    "__rule_2",
    "__valid",
    "__rule_1",
    CASE WHEN "_malformed" IS NOT NULL THEN ['malformed'] ELSE list_filter([CASE WHEN "__rule_0" THEN 'not_null_term_taxonomy_id' END, CASE WHEN "__rule_1" THEN 'unique_term_taxonomy_id' END, CASE WHEN "__rule_2" THEN 'accepted_values_taxonomy' END], x -> x IS NOT NULL) END AS "_rule_failures",
    CAST([] AS VARCHAR[]) AS "_warnings",
    CASE WHEN "_malformed" IS NOT NULL THEN 'quarantine' WHEN "__rule_0" THEN 'quarantine' WHEN "__rule_2" THEN 'quarantine' WHEN "__rule_1" THEN 'quarantine' ELSE 'silver' END AS "__disposition"
  FROM keyed;

-- the rows that are not plain silver (quarantined, duplicates, filtered, or breaking a rule): usually few
CREATE OR REPLACE TEMP TABLE routed_exceptions AS SELECT * FROM routed
WHERE __disposition <> 'silver' OR "__rule_0" OR "__rule_1" OR "__rule_2";

SELECT __read, __read - __n0 - __n1 - __n2, __n0, __n1, __n2, __malformed, __rule0, __rule1, __rule2 FROM (SELECT (SELECT count(*) FROM bronze_input) AS __read, count(*) FILTER (WHERE __disposition = 'quarantine') AS __n0, count(*) FILTER (WHERE __disposition = 'duplicate') AS __n1, count(*) FILTER (WHERE __disposition = 'filtered') AS __n2, count(_malformed) AS __malformed, count(*) FILTER (WHERE "__rule_0") AS __rule0, count(*) FILTER (WHERE "__rule_1") AS __rule1, count(*) FILTER (WHERE "__rule_2") AS __rule2 FROM routed_exceptions);

COPY (SELECT "term_taxonomy_id", "term_id", "taxonomy", "description", "parent", "count", "_run_key", "_source_file", "_ingested_at", CAST([] AS VARCHAR[]) AS "_warnings" FROM (
WITH s0 AS (
  SELECT "term_taxonomy_id",
    "term_id",
    "taxonomy",
    "description",
    "parent",
    "count",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "term_taxonomy_id" AS "__o_term_taxonomy_id",
    "term_id" AS "__o_term_id",
    "taxonomy" AS "__o_taxonomy",
    "description" AS "__o_description",
    "parent" AS "__o_parent",
    "count" AS "__o_count"
  FROM "bronze_input"
),
s1 AS (
  SELECT "term_taxonomy_id",
    "term_id",
    "taxonomy",
    replace(array_to_string(list_transform(string_split(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("description", '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&apos;', ''''), '&nbsp;', ' '), '&ndash;', '–'), '&mdash;', '—'), '&hellip;', '…'), '&rsquo;', '’'), '&lsquo;', '‘'), '&rdquo;', '”'), '&ldquo;', '“'), '&#'), (piece, i) -> CASE WHEN i = 1 THEN piece WHEN regexp_matches(piece, '^[0-9]{1,7};') AND (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER)) || regexp_replace(piece, '^[0-9]{1,7};', '') WHEN regexp_matches(piece, '^[xX][0-9a-fA-F]{1,6};') AND (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 1 AND 1114111 AND NOT (TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER) BETWEEN 55296 AND 57343)) THEN chr(CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER)) || regexp_replace(piece, '^[xX][0-9a-fA-F]{1,6};', '') ELSE '&#' || piece END), ''), '&amp;', '&') AS "description",
    "parent",
    "count",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_term_taxonomy_id",
    "__o_term_id",
    "__o_taxonomy",
    "__o_description",
    "__o_parent",
    "__o_count"
  FROM s0
)
SELECT "term_taxonomy_id",
    "term_id",
    "taxonomy",
    "description",
    "parent",
    "count",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number"
  FROM s1
) AS transformed
ANTI JOIN (SELECT "_record_number" FROM routed_exceptions WHERE __disposition <> 'silver') AS x ON x."_record_number" = transformed."_record_number") TO '/srv/medallion/lake/silver/wordpress_api/term_taxonomy/schema_v=1/runs/run_key=<run-key>/part-{uuid}.parquet' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, RETURN_STATS);

COPY (SELECT * EXCLUDE ("_run_key") FROM (SELECT "__o_term_taxonomy_id" AS "term_taxonomy_id", "__o_term_id" AS "term_id", "__o_taxonomy" AS "taxonomy", "__o_description" AS "description", "__o_parent" AS "parent", "__o_count" AS "count", "_rule_failures", "_malformed", "_raw", "_source_file", "_record_number", "_ingested_at", "_run_key" FROM routed_exceptions WHERE __disposition = 'quarantine')) TO '/srv/medallion/lake/quarantine/wordpress_api/term_taxonomy/schema_v=1/_run_key=<run-key>/part-{uuid}.parquet' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, RETURN_STATS);

-- then one Delta commit creating the staged run table, and one on the quarantine table replacing this run key's partition

-- ===== wordpress_api.term_relationships: bronze (duckdb) =====
CREATE OR REPLACE TEMP TABLE raw_records (__f_0 VARCHAR, __f_1 VARCHAR, __f_2 VARCHAR, _source_file VARCHAR, __malformed VARCHAR, __raw VARCHAR);

-- newline-delimited JSON (a file holding one JSON array is read with read_json_objects(format = 'array'))
INSERT INTO raw_records SELECT CASE WHEN regexp_matches(__values[1], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"object_id"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[1] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[1] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."object_id"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[1], '{') OR starts_with(__values[1], '[')) AND regexp_matches(__values[1], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."object_id"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[1] END, CASE WHEN regexp_matches(__values[2], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"term_taxonomy_id"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[2] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[2] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."term_taxonomy_id"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[2], '{') OR starts_with(__values[2], '[')) AND regexp_matches(__values[2], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."term_taxonomy_id"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[2] END, CASE WHEN regexp_matches(__values[3], '^-?[0-9].*[.eE]') THEN list_transform([regexp_extract_all(__object, '"term_order"\s*:\s*("|-?[0-9][0-9.eE+-]*)', 1)], __c -> CASE WHEN len(__c) = 1 AND __c[1] = '"' THEN __values[3] WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST(__values[3] AS DOUBLE) THEN __c[1] ELSE list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."term_order"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] END)[1]
  WHEN (starts_with(__values[3], '{') OR starts_with(__values[3], '[')) AND regexp_matches(__values[3], '[0-9][.eE]') THEN list_transform([json_extract_string(replace(replace(replace(regexp_replace(__object, '("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)', '\1' || chr(2) || '\2' || chr(3), 'g'), chr(2) || chr(3), ''), chr(2), '"\u0001'), chr(3), '"'), '$."term_order"')], __m -> CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '"\\u0001([^"]*)"', '\1', 'g') END)[1] ELSE __values[3] END, filename, CASE WHEN __object IS NULL THEN 'not a JSON object' WHEN __duplicate IS NOT NULL THEN 'the JSON object has the key ' || to_json(__duplicate) || ' more than once' END, CASE WHEN __object IS NULL OR __duplicate IS NOT NULL THEN line END
FROM (SELECT *, CASE WHEN list_bool_or(list_transform(__keys, __k -> len(__k) <> len(list_distinct(__k)))) THEN flatten(list_transform(__keys, __k -> list_filter(list_distinct(__k), __x -> len(list_filter(__k, __y -> __y = __x)) > 1)))[1] END AS __duplicate FROM (SELECT line, filename, __object, json_extract_string(__object, ['$."object_id"', '$."term_taxonomy_id"', '$."term_order"']) AS __values, json_keys(__object, ['$']) AS __keys
  FROM (SELECT line, filename, CASE WHEN json_valid(line) AND (ascii(line) = 123 OR starts_with(ltrim(line, e' \t\r\n'), '{')) THEN line END AS __object
    FROM read_csv(['/srv/medallion/samples/wordpress_api/term_relationships.json'], header = false, auto_detect = false, columns = {'line': 'VARCHAR'}, delim = chr(31), quote = '', escape = '', filename = true, store_rejects = true, rejects_table = 'raw_rejects_0', rejects_scan = 'raw_scans_0')
    WHERE line IS NOT NULL AND (ascii(line) BETWEEN 33 AND 126 OR trim(line) <> ''))));

INSERT INTO raw_records SELECT NULL, NULL, NULL, s.file_path, string_agg(CAST(e.error_type AS VARCHAR) || ': ' || e.error_message, '; ') || ' (line ' || CAST(e.line AS VARCHAR) || ')', any_value(e.csv_line)
FROM raw_rejects_0 e JOIN raw_scans_0 s ON e.scan_id = s.scan_id AND e.file_id = s.file_id
GROUP BY s.file_path, e.line ORDER BY s.file_path, e.line;

CREATE OR REPLACE TEMP VIEW bronze_rows AS
SELECT CASE WHEN regexp_matches(__f_0, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_0 AS BIGINT) END AS "object_id", CASE WHEN regexp_matches(__f_1, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_1 AS BIGINT) END AS "term_taxonomy_id", CASE WHEN regexp_matches(__f_2, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_2 AS INTEGER) END AS "term_order",
  coalesce(__malformed, nullif(concat_ws('; ', CASE WHEN __f_0 IS NOT NULL AND CASE WHEN regexp_matches(__f_0, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_0 AS BIGINT) END IS NULL THEN 'column `object_id` does not cast to long: ' || __f_0 END, CASE WHEN __f_1 IS NOT NULL AND CASE WHEN regexp_matches(__f_1, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_1 AS BIGINT) END IS NULL THEN 'column `term_taxonomy_id` does not cast to long: ' || __f_1 END, CASE WHEN __f_2 IS NOT NULL AND CASE WHEN regexp_matches(__f_2, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_2 AS INTEGER) END IS NULL THEN 'column `term_order` does not cast to int: ' || __f_2 END), '')) AS _malformed,
  CASE WHEN __malformed IS NOT NULL THEN __raw WHEN nullif(concat_ws('; ', CASE WHEN __f_0 IS NOT NULL AND CASE WHEN regexp_matches(__f_0, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_0 AS BIGINT) END IS NULL THEN 'column `object_id` does not cast to long: ' || __f_0 END, CASE WHEN __f_1 IS NOT NULL AND CASE WHEN regexp_matches(__f_1, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_1 AS BIGINT) END IS NULL THEN 'column `term_taxonomy_id` does not cast to long: ' || __f_1 END, CASE WHEN __f_2 IS NOT NULL AND CASE WHEN regexp_matches(__f_2, '^ *[+-]?[0-9]+ *\z') THEN TRY_CAST(__f_2 AS INTEGER) END IS NULL THEN 'column `term_order` does not cast to int: ' || __f_2 END), '') IS NOT NULL THEN CAST(to_json(struct_pack("object_id" := __f_0, "term_taxonomy_id" := __f_1, "term_order" := __f_2)) AS VARCHAR) END AS _raw,
  '<run-key>' AS _run_key,
  CASE WHEN starts_with(_source_file, '/srv/medallion/samples/') THEN substr(_source_file, 24) ELSE _source_file END AS _source_file,
  TIMESTAMPTZ '<run start>' AS _ingested_at,
  CAST(rowid + 1 AS BIGINT) AS _record_number,
  DATE '<run start>' AS _ingest_date
FROM raw_records;

SELECT count(*), count(_malformed) FROM bronze_rows;

COPY (SELECT * EXCLUDE ("_ingest_date") FROM (SELECT * FROM bronze_rows)) TO '/srv/medallion/lake/bronze/wordpress_api/term_relationships/schema_v=1/_ingest_date=<run start>/part-{uuid}.parquet' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, DICTIONARY_SIZE_LIMIT 256, RETURN_STATS);

-- then one Delta commit on the bronze table: add the files written, remove the files of an earlier attempt of this run key

-- ===== wordpress_api.term_relationships: silver (duckdb) =====
-- bronze_run_files: the live files of /srv/medallion/lake/bronze/wordpress_api/term_relationships/schema_v=1 written by this run key, read through its Delta log
CREATE OR REPLACE TEMP VIEW bronze_input AS SELECT * FROM bronze_run_files WHERE _run_key = '<run-key>';

CREATE OR REPLACE TEMP TABLE "__rule_2_keys" AS
WITH s0 AS (
  SELECT "object_id",
    "term_taxonomy_id",
    "term_order",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "object_id" AS "__o_object_id",
    "term_taxonomy_id" AS "__o_term_taxonomy_id",
    "term_order" AS "__o_term_order"
  FROM "bronze_input"
),
live AS (
  SELECT "object_id",
    "term_taxonomy_id",
    "term_order",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_object_id",
    "__o_term_taxonomy_id",
    "__o_term_order",
    ("_malformed" IS NULL) AS __live
  FROM s0
),
checked AS (
  SELECT "object_id",
    "term_taxonomy_id",
    "term_order",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_object_id",
    "__o_term_taxonomy_id",
    "__o_term_order",
    "__live",
    ("__live" AND "object_id" IS NULL) AS "__rule_0",
    ("__live" AND "term_taxonomy_id" IS NULL) AS "__rule_1"
  FROM live
),
valid AS (
  SELECT "object_id",
    "term_taxonomy_id",
    "term_order",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_object_id",
    "__o_term_taxonomy_id",
    "__o_term_order",
    "__live",
    "__rule_0",
    "__rule_1",
    ("__live" AND NOT "__rule_0" AND NOT "__rule_1") AS "__valid"
  FROM checked
)
SELECT "object_id" AS "__rule_2_k0", "term_taxonomy_id" AS "__rule_2_k1", min("_record_number") AS "__rule_2_first"
    FROM valid WHERE ("__valid") GROUP BY "object_id", "term_taxonomy_id" HAVING count(*) > 1;

CREATE OR REPLACE TEMP VIEW routed AS
WITH s0 AS (
  SELECT "object_id",
    "term_taxonomy_id",
    "term_order",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "object_id" AS "__o_object_id",
    "term_taxonomy_id" AS "__o_term_taxonomy_id",
    "term_order" AS "__o_term_order"
  FROM "bronze_input"
),
live AS (
  SELECT "object_id",
    "term_taxonomy_id",
    "term_order",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_object_id",
    "__o_term_taxonomy_id",
    "__o_term_order",
    ("_malformed" IS NULL) AS __live
  FROM s0
),
checked AS (
  SELECT "object_id",
    "term_taxonomy_id",
    "term_order",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_object_id",
    "__o_term_taxonomy_id",
    "__o_term_order",
    "__live",
    ("__live" AND "object_id" IS NULL) AS "__rule_0",
    ("__live" AND "term_taxonomy_id" IS NULL) AS "__rule_1"
  FROM live
),
valid AS (
  SELECT "object_id",
    "term_taxonomy_id",
    "term_order",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_object_id",
    "__o_term_taxonomy_id",
    "__o_term_order",
    "__live",
    "__rule_0",
    "__rule_1",
    ("__live" AND NOT "__rule_0" AND NOT "__rule_1") AS "__valid"
  FROM checked
),
keyed AS (
  SELECT "object_id",
    "term_taxonomy_id",
    "term_order",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_object_id",
    "__o_term_taxonomy_id",
    "__o_term_order",
    "__live",
    "__rule_0",
    "__rule_1",
    "__valid",
    (("__valid") AND ("object_id" IS NOT NULL AND "term_taxonomy_id" IS NOT NULL AND coalesce("_record_number" > "__rule_2_first", FALSE))) AS "__rule_2"
  FROM valid
  LEFT JOIN "__rule_2_keys" AS "__rule_2_keys"
    ON "__rule_2_k0" = valid."object_id" AND "__rule_2_k1" = valid."term_taxonomy_id"
)
SELECT "object_id",
    "term_taxonomy_id",
    "term_order",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "__o_object_id",
    "__o_term_taxonomy_id",
    "__o_term_order",
    "__live",
    "__rule_0",
    "__rule_1",
    "__valid",
    "__rule_2",
    CASE WHEN "_malformed" IS NOT NULL THEN ['malformed'] ELSE list_filter([CASE WHEN "__rule_0" THEN 'not_null_object_id' END, CASE WHEN "__rule_1" THEN 'not_null_term_taxonomy_id' END, CASE WHEN "__rule_2" THEN 'unique_object_id_term_taxonomy_id' END], x -> x IS NOT NULL) END AS "_rule_failures",
    CAST([] AS VARCHAR[]) AS "_warnings",
    CASE WHEN "_malformed" IS NOT NULL THEN 'quarantine' WHEN "__rule_0" THEN 'quarantine' WHEN "__rule_1" THEN 'quarantine' WHEN "__rule_2" THEN 'quarantine' ELSE 'silver' END AS "__disposition"
  FROM keyed;

-- the rows that are not plain silver (quarantined, duplicates, filtered, or breaking a rule): usually few
CREATE OR REPLACE TEMP TABLE routed_exceptions AS SELECT * FROM routed
WHERE __disposition <> 'silver' OR "__rule_0" OR "__rule_1" OR "__rule_2";

SELECT __read, __read - __n0 - __n1 - __n2, __n0, __n1, __n2, __malformed, __rule0, __rule1, __rule2 FROM (SELECT (SELECT count(*) FROM bronze_input) AS __read, count(*) FILTER (WHERE __disposition = 'quarantine') AS __n0, count(*) FILTER (WHERE __disposition = 'duplicate') AS __n1, count(*) FILTER (WHERE __disposition = 'filtered') AS __n2, count(_malformed) AS __malformed, count(*) FILTER (WHERE "__rule_0") AS __rule0, count(*) FILTER (WHERE "__rule_1") AS __rule1, count(*) FILTER (WHERE "__rule_2") AS __rule2 FROM routed_exceptions);

COPY (SELECT "object_id", "term_taxonomy_id", "term_order", "_run_key", "_source_file", "_ingested_at", CAST([] AS VARCHAR[]) AS "_warnings" FROM (
WITH s0 AS (
  SELECT "object_id",
    "term_taxonomy_id",
    "term_order",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number",
    "_malformed",
    "_raw",
    "object_id" AS "__o_object_id",
    "term_taxonomy_id" AS "__o_term_taxonomy_id",
    "term_order" AS "__o_term_order"
  FROM "bronze_input"
)
SELECT "object_id",
    "term_taxonomy_id",
    "term_order",
    "_run_key",
    "_source_file",
    "_ingested_at",
    "_record_number"
  FROM s0
) AS transformed
ANTI JOIN (SELECT "_record_number" FROM routed_exceptions WHERE __disposition <> 'silver') AS x ON x."_record_number" = transformed."_record_number") TO '/srv/medallion/lake/silver/wordpress_api/term_relationships/schema_v=1/runs/run_key=<run-key>/part-{uuid}.parquet' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, RETURN_STATS);

COPY (SELECT * EXCLUDE ("_run_key") FROM (SELECT "__o_object_id" AS "object_id", "__o_term_taxonomy_id" AS "term_taxonomy_id", "__o_term_order" AS "term_order", "_rule_failures", "_malformed", "_raw", "_source_file", "_record_number", "_ingested_at", "_run_key" FROM routed_exceptions WHERE __disposition = 'quarantine')) TO '/srv/medallion/lake/quarantine/wordpress_api/term_relationships/schema_v=1/_run_key=<run-key>/part-{uuid}.parquet' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, RETURN_STATS);

-- then one Delta commit creating the staged run table, and one on the quarantine table replacing this run key's partition

