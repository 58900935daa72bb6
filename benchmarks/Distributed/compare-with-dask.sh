#!/usr/bin/env bash
# One run of both sides of the distributed comparison on this machine, one after the other: TaskGraph on a local
# Orleans cluster of WORKERS worker processes (BenchmarkDotNet, short in-process job; the same graphs in one process
# as the baseline), then Dask distributed on a LocalCluster of WORKERS worker processes (dask_side.py) when Debian's
# python3-distributed is installed; says so and stops when it is not.
# Usage: benchmarks/Distributed/compare-with-dask.sh [REPEATS]   (the cluster has 2 workers, as the issue asks;
# LOCALITY_ROWS sets the flights graph's rows for the locality count, 200,000 by default)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repeats=${1:-3}

dotnet build "$here/Distributed.Benchmarks.csproj" -c Release --nologo -v quiet
(cd "$here" && dotnet bin/Release/net10.0/Distributed.Benchmarks.dll --filter '*ClusterOverhead*')
echo "TaskGraph per task = Mean / tasks (wide-10000: 10,002 tasks; chain-1000: 1,000)."
# Locality: bytes moved between the silos for the flights graph against all its results' bytes.
(cd "$here" && dotnet bin/Release/net10.0/Distributed.Benchmarks.dll locality "${LOCALITY_ROWS:-200000}")

if ! /usr/bin/python3 -c "import distributed" >/dev/null 2>&1; then
  echo "Dask side skipped: Debian's python3-distributed is not installed (apt-get install -y python3-distributed)."
  exit 0
fi
/usr/bin/python3 "$here/dask_side.py" 2 "$repeats"
