#!/usr/bin/env bash
# Installs the Node tools the tests call into the git-ignored .tools/node: asl-validator (checks
# the rendered Step Functions state machine) and dt-sql-parser's SparkSQL grammar, an ESM package
# bundled to CommonJS for Node 20 with esbuild. The test projects that need them run this before
# they build, and .ci/run does too; it does nothing when the pinned versions are already there.
# A lock keeps two test projects building at once from installing over each other.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=.tools/node
mkdir -p "$dir"
exec 9>"$dir/.lock"
flock 9
if cmp -s eng/node-tools/package.json "$dir/.installed" && [ -f "$dir/spark-sql.cjs" ]; then
  exit 0
fi
command -v npm >/dev/null || { echo "npm is required for the Spark SQL grammar and asl-validator tests: install Node 20 with npm." >&2; exit 1; }
cp eng/node-tools/package.json "$dir/package.json"
npm install --prefix "$dir" --no-audit --no-fund --silent
(cd "$dir" && echo "export { SparkSQL } from 'dt-sql-parser';" |
  npx --no-install esbuild --bundle --platform=node --format=cjs --target=node20 --log-level=warning --outfile=spark-sql.cjs)
cp eng/node-tools/package.json "$dir/.installed"
