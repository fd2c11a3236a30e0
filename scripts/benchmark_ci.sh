#!/usr/bin/env bash
# scripts/benchmark_ci.sh: the benchmark gate. Measures HEAD and its base side by side in one job
# (lb bench --against: the base is built from a git worktree under target/relative/, and base and
# head forks run at the same time, one per core, or interleaved on one core), judges the paired
# ratios (lb compare relative.json), writes the Markdown and HTML reports, then compares the head
# run with the committed baseline of this machine class, for history only, and, when
# LB_UPDATE_BASELINE=1 (the workflow sets it for pushes to main), updates that baseline as
# [baseline_management] allows. Exit status: 1 on a regression (when fail_ci), 0 otherwise.
#
# A stored baseline is never what fails the build when a base can be measured: runs of the same
# build minutes apart differed by up to 83 % on a shared 2-vCPU machine. Only when there is no base
# (a repository whose only commit has no parent) does the stored baseline decide, and then a moved
# machine (the peers suite's references) never fails it.
#
# Environment (all optional):
#   LB_BASE_REF         the base revision (default HEAD^1, the first parent; the workflow: the PR's base branch)
#   LB_SCHEDULE         duet (default on 2+ cores) or interleaved
#   LB_PROFILE          benchmark profile (default quick)
#   LB_FORKS            fork pairs per benchmark (default 5: a paired t test on 5 pairs detects a 10 %
#                       change at the 3 % spread of duet pairs; see README, Regression gate)
#   LB_BENCH_ARGS       further arguments for lb bench (e.g. "--suite latency")
#   LB_MAX_MISSING      percent of the baseline's measurements the run may lack (default 0; a run
#                       restricted with LB_BENCH_ARGS to part of the baseline needs 100)
#   LB_TESTBED          testbed name (default: CPU model and vector ISA, cores and JDK major of the run)
#   LB_UPDATE_BASELINE  1 to update the stored baseline after a run without regression
#   SLACK_WEBHOOK_URL   used by regression_config.toml's notifications
set -euo pipefail
cd "$(dirname "$0")/.."

PROFILE="${LB_PROFILE:-quick}"
FORKS="${LB_FORKS:-5}"
BASE_REF="${LB_BASE_REF:-HEAD^1}"
OUT_DIR="target/bench/ci"
BASELINES_DIR="baselines"
CONFIG="$BASELINES_DIR/regression_config.toml"
REPORT_MD="target/benchmark_report.md"
REPORT_HTML="target/benchmark_report.html"
HISTORY_MD="target/benchmark_history.md"
ISSUE_BODY="target/regression_issue.md"

rm -rf "$OUT_DIR"
rm -f "$REPORT_MD" "$REPORT_HTML" "$HISTORY_MD" "$ISSUE_BODY"
schedule_args=()
if [ -n "${LB_SCHEDULE:-}" ]; then schedule_args=(--schedule "$LB_SCHEDULE"); fi

relative=0
if git rev-parse --verify --quiet "$BASE_REF^{commit}" >/dev/null; then
  relative=1
  echo "Relative run: $BASE_REF ($(git rev-parse --short "$BASE_REF")) against HEAD (profile $PROFILE, $FORKS fork pairs)..."
  # shellcheck disable=SC2086  # LB_BENCH_ARGS is a list of words on purpose
  ./lb bench --against "$BASE_REF" "${schedule_args[@]}" --profile "$PROFILE" --forks "$FORKS" --out "$OUT_DIR" \
      ${LB_BENCH_ARGS:-}
  RESULTS_FILE="$OUT_DIR/head/results.json"
else
  echo "No base: '$BASE_REF' names no commit (the first commit has no parent). Falling back to the stored"
  echo "baseline of this testbed, which cannot tell the code from the machine."
  # shellcheck disable=SC2086
  ./lb bench --profile "$PROFILE" --forks "$FORKS" --out "$OUT_DIR" ${LB_BENCH_ARGS:-}
  RESULTS_FILE="$OUT_DIR/results.json"
fi

testbed_args=()
if [ -n "${LB_TESTBED:-}" ]; then testbed_args=(--testbed "$LB_TESTBED"); fi
TESTBED="$(./lb baseline "${testbed_args[@]}" --dir "$BASELINES_DIR" testbed --results "$RESULTS_FILE")"
BASELINE_FILE="$BASELINES_DIR/$TESTBED/baselines.json"
echo "Testbed: $TESTBED"

verdict() {  # turns lb compare's exit status into the gate's, saying what happened
  case "$1" in
    1) echo "❌ Performance regression detected!"; return 1 ;;
    2) echo "✅ Performance improvement detected!" ;;
    0) echo "✅ No significant performance change" ;;
    *) echo "The comparison could not be made (exit $1)." >&2; exit "$1" ;;
  esac
}

status=0
compared=0
if [ "$relative" = 1 ]; then
  set +e
  ./lb compare "$OUT_DIR/relative.json" --config "$CONFIG" --markdown "$REPORT_MD" --html "$REPORT_HTML" \
      --actions --issue-body "$ISSUE_BODY"
  code=$?
  set -e
  verdict "$code" || status=1
fi

if [ -f "$BASELINE_FILE" ]; then
  compared=1
  if [ "$relative" = 1 ]; then
    echo "Stored baseline $BASELINE_FILE (history, never decides here):"
    ./lb compare --baseline "$BASELINE_FILE" --current "$RESULTS_FILE" --config "$CONFIG" --testbed "$TESTBED" \
        --markdown "$HISTORY_MD" >/dev/null || true
    head -n 1 "$HISTORY_MD" || true
  else
    echo "Comparing with $BASELINE_FILE..."
    set +e
    ./lb compare --baseline "$BASELINE_FILE" --current "$RESULTS_FILE" --config "$CONFIG" \
        --max-missing "${LB_MAX_MISSING:-0}" \
        --testbed "$TESTBED" --markdown "$REPORT_MD" --html "$REPORT_HTML" \
        --actions --issue-body "$ISSUE_BODY"
    code=$?
    set -e
    verdict "$code" || status=1
  fi
else
  echo "No baseline for testbed $TESTBED, creating it..."
  # nothing to protect yet: the first run becomes the baseline, approved, without a comparison
  ./lb baseline --dir "$BASELINES_DIR" --testbed "$TESTBED" update --approve --results "$RESULTS_FILE" --config "$CONFIG"
  if [ "$relative" = 0 ]; then ./lb report --baseline "$BASELINE_FILE" --output "$REPORT_MD"; fi
fi

if [ "$status" -eq 0 ] && [ "${LB_UPDATE_BASELINE:-0}" = 1 ] && [ "$compared" = 1 ]; then
  echo "Updating the baseline (auto_update_main and require_approval decide)..."
  ./lb baseline --dir "$BASELINES_DIR" --testbed "$TESTBED" update --auto --results "$RESULTS_FILE" --config "$CONFIG"
fi

echo "Report: $REPORT_MD"
echo "Done!"
exit "$status"
