#!/usr/bin/env bash
# scripts/setup.sh: installs what latentbench's tests need and the machine lacks; `./lb test`,
# `./lb setup` and .ci/run call it. On Debian or Ubuntu, as root or with password-less sudo, it
# installs the missing Debian packages and e2e/'s npm packages, saying each thing it installs;
# when all is present it only looks (a few dpkg and node look-ups). Anywhere else it stops before
# any test runs, with one message that lists the exact packages and commands.
# Exit status: 0 when everything is present afterwards, 3 when something is missing and was not installed.
set -euo pipefail
cd "$(dirname "$0")/.."

# What the tests use, by Debian package. Debian's Jupyter modules are visible to /usr/bin/python3 only,
# which is why they come from apt and not pip.
declare -A PURPOSE=(
  [maven]="builds latentbench"
  [jupyter-client]="the executor's python3 kernel and the kernel's conformance suite"
  [jupyter-core]="the executor's python3 kernel and the kernel's conformance suite"
  [jupyter-nbconvert]="the notebook tests' HTML and nbconvert comparisons"
  [python3-nbclient]="the executor's python3 kernel"
  [python3-nbformat]="validating executed notebooks"
  [python3-ipykernel]="the python3 kernel (papermill's test notebooks)"
  [python3-jupyter-kernel-test]="the Java kernel's conformance suite"
  [jupyter-notebook]="the browser test's Notebook UI"
  [chromium]="the browser tests"
  [python3-numpy]="the peers suite's numpy + OpenBLAS"
  [python3-faiss]="the peers suite's FAISS IndexFlatL2"
  [libopenblas0-pthread]="numpy's and FAISS's BLAS"
  [git]="relative benchmark runs (a worktree of the base revision)"
  [util-linux]="taskset, which pins the forks of a duet run"
)
PACKAGES=(jupyter-client jupyter-core jupyter-nbconvert python3-nbclient python3-nbformat
  python3-ipykernel python3-jupyter-kernel-test jupyter-notebook chromium python3-numpy python3-faiss
  libopenblas0-pthread)
# Commands that may come from elsewhere than Debian (an SDK manager's Maven, say) count by the command.
command -v mvn >/dev/null 2>&1 || PACKAGES+=(maven)
command -v git >/dev/null 2>&1 || PACKAGES+=(git)
command -v taskset >/dev/null 2>&1 || PACKAGES+=(util-linux)
# e2e/ needs Node.js 20+ and npm; Debian's own nodejs is older, so it is installed only where there is none.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  PURPOSE[nodejs]="the browser test's driver (e2e/)"; PURPOSE[npm]="installs e2e/'s playwright-core"
  PACKAGES+=(nodejs npm)
fi

say() { echo "setup: $*" >&2; }

missing_debian_packages() {  # prints the packages of PACKAGES that dpkg does not list as installed
  local installed
  installed="$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "${PACKAGES[@]}" 2>/dev/null \
    | awk '$1 == "ii" { print $2 }' || true)"  # dpkg-query exits 1 when any package is unknown
  local p
  for p in "${PACKAGES[@]}"; do
    grep -qxF "$p" <<<"$installed" || echo "$p"
  done
}

e2e_current() {  # whether e2e/node_modules holds exactly what e2e/package-lock.json pins
  command -v node >/dev/null 2>&1 || return 1
  [ -f e2e/node_modules/.package-lock.json ] || return 1
  node -e '
    const fs = require("fs");
    const want = JSON.parse(fs.readFileSync("e2e/package-lock.json")).packages;
    const have = JSON.parse(fs.readFileSync("e2e/node_modules/.package-lock.json")).packages;
    for (const [path, p] of Object.entries(want)) {
      if (path === "" || p.dev) continue;
      if (!have[path] || have[path].version !== p.version) process.exit(1);
    }' 2>/dev/null
}

as_root() {  # runs a command as root: directly, or through password-less sudo; fails otherwise
  if [ "$(id -u)" = 0 ]; then "$@"; elif sudo -n true 2>/dev/null; then sudo -n "$@"; else return 1; fi
}

can_install() { command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || sudo -n true 2>/dev/null; }; }

give_up() {  # one message with the exact commands, then exit 3
  local -a pkgs=("$@")
  {
    echo "setup: the tests need these and they are missing; nothing was run:"
    local p
    for p in "${pkgs[@]}"; do printf '  %-28s %s\n' "$p" "${PURPOSE[$p]:-}"; done
    e2e_current || printf '  %-28s %s\n' "e2e/node_modules" "playwright-core as e2e/package-lock.json pins it"
    echo "Install them (Debian or Ubuntu, as root), then run ./lb test again:"
    [ "${#pkgs[@]}" -gt 0 ] && echo "  apt-get update && apt-get install -y --no-install-recommends ${pkgs[*]}"
    e2e_current || echo "  npm ci --prefix e2e --no-audit --no-fund"
    if ! command -v dpkg-query >/dev/null 2>&1; then
      echo "This is not a Debian-based system: install the same tools from its own packages (Maven, Jupyter's"
      echo "nbformat, nbclient, nbconvert, ipykernel and jupyter_kernel_test for /usr/bin/python3, the classic"
      echo "Notebook UI, Chromium, numpy, FAISS and OpenBLAS, git, taskset, Node.js 20+ with npm)."
    fi
  } >&2
  exit 3
}

if command -v dpkg-query >/dev/null 2>&1; then
  mapfile -t missing < <(missing_debian_packages)
else
  missing=("${PACKAGES[@]}")
fi

if [ "${#missing[@]}" -gt 0 ]; then
  can_install || give_up "${missing[@]}"
  for p in "${missing[@]}"; do say "installing $p: ${PURPOSE[$p]}"; done
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  if ! as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/lb-setup-apt.log 2>&1; then
    tail -n 20 /tmp/lb-setup-apt.log >&2
    say "apt-get could not install ${missing[*]} (the whole log is in /tmp/lb-setup-apt.log)"
    give_up "${missing[@]}"
  fi
fi

if ! e2e_current; then
  command -v npm >/dev/null 2>&1 || give_up
  say "installing e2e/'s npm packages (playwright-core as e2e/package-lock.json pins it; it downloads no browser)"
  npm ci --prefix e2e --no-audit --no-fund --loglevel=error >&2
fi
