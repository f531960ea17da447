#!/usr/bin/env bash
# Installs the SparkSQL grammar the tests check rendered Spark SQL against: dt-sql-parser (an
# ESM package) bundled to CommonJS for Node 20 with esbuild, into the git-ignored .tools/node.
# Idempotent: does nothing when the bundle of these versions is already there.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
dir=.tools/node
versions="dt-sql-parser@4.5.1 esbuild@0.28.2"
if [ -f "$dir/spark-sql.cjs" ] && [ "$(cat "$dir/versions" 2>/dev/null)" = "$versions" ]; then
  exit 0
fi
mkdir -p "$dir"
# shellcheck disable=SC2086 # the versions are separate arguments on purpose
npm install --prefix "$dir" --no-audit --no-fund --no-save $versions
(cd "$dir" && echo "export { SparkSQL } from 'dt-sql-parser';" |
  npx --no-install esbuild --bundle --platform=node --format=cjs --target=node20 --log-level=warning --outfile=spark-sql.cjs)
echo "$versions" > "$dir/versions"
