#!/usr/bin/env bash
# Runs `medallion bench …` from a Release build (the benchmarks' figures in docs/BENCHMARKS.md are
# measured this way). Usage: eng/bench.sh [bench arguments], e.g.
#   eng/bench.sh --size 1GB --reps 5
#   eng/bench.sh promotion --files 2000 --latency-ms 25
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dotnet build "$root/orchestration/Medallion.Cli" -c Release -v quiet -nologo >/dev/null
exec dotnet "$root/orchestration/Medallion.Cli/bin/Release/net10.0/medallion.dll" bench "$@"
