#!/usr/bin/env bash
# scripts/bench_matrix_merge.sh SHARDS_DIR OUT_DIR: the merge step of a sharded full-profile run,
# shared by .github/workflows/benchmark-matrix.yml and deploy/k8s/bench-matrix.yaml.
#
# SHARDS_DIR holds one directory per shard (lb bench --shard i/N --out SHARDS_DIR/shard-i). The
# shards are grouped by testbed (CPU model and vector ISA, cores, JDK major), since the machines
# of one runner label or node pool may differ, and numbers of different testbeds are never mixed.
# For each testbed, into OUT_DIR/<testbed>/:
#   lb results merge            the testbed's shards into one results.json (+ TOML, raw JMH JSON)
#   lb compare / lb report      against $LB_BASELINES/<testbed>/ (benchmark_report.md, .html for a
#                               comparison; on a regression the config's actions, regression_issue.md
#                               among them)
#   lb baseline update          the run joins the testbed's baselines and its history
#                               (history/<time>-<commit>.json): --auto after a comparison without
#                               regression, so [baseline_management] decides; --approve when the
#                               testbed has no baseline yet; never after a regression.
#
# Environment (optional):
#   LB_BASELINES   baselines directory (default: the repository's baselines/)
#   LB_CONFIG      regression config (default: $LB_BASELINES/regression_config.toml, else the repository's)
#   LB             the lb launcher (default: the repository's ./lb)
# Exit status: 1 when a testbed regressed, 0 otherwise, 3 when there is nothing to merge;
# any other failure of lb passes its status on.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LB="${LB:-$ROOT/lb}"

if [ $# -ne 2 ]; then
  echo "usage: $0 SHARDS_DIR OUT_DIR" >&2
  exit 2
fi
SHARDS_DIR="$1"
OUT_DIR="$2"
BASELINES="${LB_BASELINES:-$ROOT/baselines}"
CONFIG="${LB_CONFIG:-$BASELINES/regression_config.toml}"
[ -f "$CONFIG" ] || CONFIG="$ROOT/baselines/regression_config.toml"

shopt -s nullglob
results=("$SHARDS_DIR"/*/results.json)
if [ ${#results[@]} -eq 0 ]; then
  echo "bench_matrix_merge: no shard results (*/results.json) in $SHARDS_DIR" >&2
  exit 3
fi

declare -A shards_of
for file in "${results[@]}"; do
  testbed="$("$LB" baseline --dir "$BASELINES" testbed --results "$file")"
  shards_of["$testbed"]+="$(dirname "$file")"$'\n'
done
mapfile -t testbeds < <(printf '%s\n' "${!shards_of[@]}" | sort)
if [ ${#testbeds[@]} -gt 1 ]; then
  echo "bench_matrix_merge: the shards ran on ${#testbeds[@]} testbeds (${testbeds[*]});" \
       "each gets the shards it ran" >&2
fi

status=0
for testbed in "${testbeds[@]}"; do
  mapfile -t dirs < <(printf '%s' "${shards_of[$testbed]}")
  out="$OUT_DIR/$testbed"
  echo "== $testbed: ${#dirs[@]} shard(s)"
  "$LB" results merge -o "$out" "${dirs[@]}"
  baseline="$BASELINES/$testbed/baselines.json"
  if [ -f "$baseline" ]; then
    set +e
    "$LB" compare --baseline "$baseline" --current "$out/results.json" --config "$CONFIG" \
        --testbed "$testbed" --markdown "$out/benchmark_report.md" --html "$out/benchmark_report.html" \
        --actions --issue-body "$out/regression_issue.md"
    compared=$?
    set -e
    case "$compared" in
      0|2) "$LB" baseline --dir "$BASELINES" --testbed "$testbed" update --auto \
               --results "$out/results.json" --config "$CONFIG" ;;
      1) echo "bench_matrix_merge: $testbed regressed; its baseline and history are left as they were"
         status=1 ;;
      *) echo "bench_matrix_merge: the comparison for $testbed could not be made (exit $compared)" >&2
         exit "$compared" ;;
    esac
  else
    echo "No baseline for testbed $testbed yet: this run becomes it"
    "$LB" baseline --dir "$BASELINES" --testbed "$testbed" update --approve \
        --results "$out/results.json" --config "$CONFIG"
    "$LB" report --baseline "$baseline" --config "$CONFIG" --output "$out/benchmark_report.md"
  fi
done
exit "$status"
