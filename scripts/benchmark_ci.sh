#!/usr/bin/env bash
# scripts/benchmark_ci.sh: the benchmark gate, as the original plan's script did it with lb.
# Runs the quick profile, compares with the committed baseline of this machine class (testbed),
# writes the Markdown and HTML reports, creates the baseline when the testbed has none, and,
# when LB_UPDATE_BASELINE=1 (the workflow sets it for pushes to main), updates the baseline as
# [baseline_management] allows. Exit status: 1 on a regression (when fail_ci), 0 otherwise.
#
# Environment (all optional):
#   LB_PROFILE          benchmark profile (default quick)
#   LB_FORKS            forks per benchmark (default 5: with fewer than 4 per side the rank
#                       test cannot reach p < 0.05 and every verdict is Inconclusive)
#   LB_BENCH_ARGS       further arguments for lb bench (e.g. "--suite latency")
#   LB_MAX_MISSING      percent of the baseline's measurements the run may lack (default 0; a run
#                       restricted with LB_BENCH_ARGS to part of the baseline needs 100)
#   LB_TESTBED          testbed name (default: CPU model and vector ISA, cores and JDK major of the run)
#   LB_UPDATE_BASELINE  1 to update the baseline after a run without regression
#   SLACK_WEBHOOK_URL   used by regression_config.toml's notifications
set -euo pipefail
cd "$(dirname "$0")/.."

PROFILE="${LB_PROFILE:-quick}"
FORKS="${LB_FORKS:-5}"
OUT_DIR="target/bench/ci"
RESULTS_FILE="$OUT_DIR/results.json"
BASELINES_DIR="baselines"
CONFIG="$BASELINES_DIR/regression_config.toml"
REPORT_MD="target/benchmark_report.md"
REPORT_HTML="target/benchmark_report.html"
ISSUE_BODY="target/regression_issue.md"

rm -f "$REPORT_MD" "$REPORT_HTML" "$ISSUE_BODY"
echo "Running benchmarks (profile $PROFILE, $FORKS forks)..."
# shellcheck disable=SC2086  # LB_BENCH_ARGS is a list of words on purpose
./lb bench --profile "$PROFILE" --forks "$FORKS" --out "$OUT_DIR" ${LB_BENCH_ARGS:-}

testbed_args=()
if [ -n "${LB_TESTBED:-}" ]; then testbed_args=(--testbed "$LB_TESTBED"); fi
TESTBED="$(./lb baseline "${testbed_args[@]}" --dir "$BASELINES_DIR" testbed --results "$RESULTS_FILE")"
BASELINE_FILE="$BASELINES_DIR/$TESTBED/baselines.json"
echo "Testbed: $TESTBED"

status=0
compared=0
if [ -f "$BASELINE_FILE" ]; then
  compared=1
  echo "Comparing with $BASELINE_FILE..."
  set +e
  ./lb compare --baseline "$BASELINE_FILE" --current "$RESULTS_FILE" --config "$CONFIG" \
      --max-missing "${LB_MAX_MISSING:-0}" \
      --testbed "$TESTBED" --markdown "$REPORT_MD" --html "$REPORT_HTML" \
      --actions --issue-body "$ISSUE_BODY"
  status=$?
  set -e
  case "$status" in
    1) echo "❌ Performance regression detected!" ;;
    2) echo "✅ Performance improvement detected!"; status=0 ;;
    0) echo "✅ No significant performance change" ;;
    *) echo "The comparison could not be made (exit $status)." >&2; exit "$status" ;;
  esac
else
  echo "No baseline for testbed $TESTBED, creating it..."
  # nothing to protect yet: the first baseline is approved, as the plan's script copied it
  ./lb baseline --dir "$BASELINES_DIR" --testbed "$TESTBED" update --approve --results "$RESULTS_FILE" --config "$CONFIG"
  ./lb report --baseline "$BASELINE_FILE" --output "$REPORT_MD"
fi

if [ "$status" -eq 0 ] && [ "${LB_UPDATE_BASELINE:-0}" = 1 ] && [ "$compared" = 1 ]; then
  echo "Updating the baseline (auto_update_main and require_approval decide)..."
  ./lb baseline --dir "$BASELINES_DIR" --testbed "$TESTBED" update --auto --results "$RESULTS_FILE" --config "$CONFIG"
fi

echo "Report: $REPORT_MD"
echo "Done!"
exit "$status"
