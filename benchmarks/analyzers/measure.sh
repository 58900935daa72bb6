#!/usr/bin/env bash
# Measures what the TaskGraph analyzers add to the build of a generated project with 1,000
# [Delayed] methods and 200 pipelines: full compiles (no incremental skip) with and without the
# analyzers, median of RUNS each, plus the compiler's own per-analyzer timing (-p:ReportAnalyzer=true).
# Usage: benchmarks/analyzers/measure.sh [RUNS]   (default 3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repository="$(cd "$here/../.." && pwd)"
runs="${1:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 "$here/generate.py" "$work" "$repository"
cd "$work"
dotnet build -v q -p:WithAnalyzers=true > /dev/null   # restore and build the referenced projects once
dotnet build -v q -p:WithAnalyzers=false > /dev/null

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
time_build() {
  local with="$1"
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    dotnet build --no-restore --no-dependencies -v q -p:WithAnalyzers="$with" -t:Rebuild > /dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc
  done | median
}

without=$(time_build false)
with=$(time_build true)
echo "build without analyzers: ${without}s (median of $runs)"
echo "build with analyzers:    ${with}s (median of $runs)"
echo "added: $(echo "scale=1; ($with - $without) * 100 / $without" | bc)%"

echo
echo "Compiler-reported analyzer time (-p:ReportAnalyzer=true):"
dotnet build --no-restore --no-dependencies -v d -p:WithAnalyzers=true -p:ReportAnalyzer=true -t:Rebuild \
  | grep -E "Total (analyzer|generator) execution time|[0-9] +[<0-9]+ +TaskGraph\.(Analyzers|Generator)" | sed 's/^ *//'
