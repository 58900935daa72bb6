#!/usr/bin/env bash
# Runs the per-task benchmarks on this checkout's runtime and on COMMIT's, in one BenchmarkDotNet run.
# usage: benchmarks/BeforeAfter/run.sh COMMIT [BenchmarkDotNet arguments, default --filter '*']
set -euo pipefail
commit="$1"; shift
[ $# -gt 0 ] || set -- --filter '*'
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$work/tree" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$root" worktree add --detach "$work/tree" "$commit" >/dev/null
dotnet build "$work/tree/src/Runtime/TaskGraph.csproj" -c Release -o "$work/baseline" -nologo -v quiet
dotnet run --project "$root/benchmarks/BeforeAfter/BeforeAfter.csproj" -c Release -- "$work/baseline" "$@"
