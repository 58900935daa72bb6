#!/usr/bin/env bash
# One run of both sides of the flights comparison on the same files: the .NET stage harness (read & parse
# per engine, load per insert technique), then pandas running the notebook's read_csv and to_sql
# (pandas_side.py) when a Python with pandas is present; says so and stops when it is not.
# Usage: benchmarks/FlightsEtl/compare-with-pandas.sh [DATA_DIR] [ROWS] [REPEATS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=${1:-data}
rows=${2:-2611892}
repeats=${3:-3}

# Generates the files into DATA_DIR on its first run (10 files), then reuses them.
dotnet run --project "$here/FlightsEtl.Stages.csproj" -c Release -- --data "$data" --rows "$rows" --repeats "$repeats" --db "$data/../stages.db"

python=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c "import pandas" >/dev/null 2>&1; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  echo "pandas side skipped: no Python with pandas on this machine (on Debian: apt-get install -y python3-pandas)."
  exit 0
fi

"$python" "$here/pandas_side.py" "$data" "$repeats" "$data/../pandas_side.db"
