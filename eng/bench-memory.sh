#!/usr/bin/env bash
# Scale test for the memory target (issue 6): 2 GB of input through bronze + silver with DuckDB's
# memory_limit at 512 MB; DuckDB spills to the scratch temp folder. Prints the benchmark's table
# (peak RSS from VmHWM) and GNU time's "Maximum resident set size" as a second witness.
# Usage: eng/bench-memory.sh [size] [memory-limit]   (defaults 2GB 512MB); not part of the unit tests.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dotnet build "$root/orchestration/Medallion.Cli" -c Release -v quiet -nologo >/dev/null
exec /usr/bin/time -v dotnet "$root/orchestration/Medallion.Cli/bin/Release/net10.0/medallion.dll" \
  bench --size "${1:-2GB}" --reps 1 --memory-limit "${2:-512MB}"
