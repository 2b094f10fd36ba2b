#!/usr/bin/env bash
# The whole test suite, from a fresh machine with only Rust installed:
#   1. installs what the tests drive for real: Graphviz, Chromium, Neovim (its LSP client) and the
#      DejaVu fonts diagrams are measured in (Debian packages), networkx
#      with numpy and scipy (PyPI; networkx needs them for PageRank), Taplo and axe-core (npm, into
#      ./node_modules; axe-core checks every report page's accessibility in Chromium);
#   2. sets NORDGOV_REQUIRE_TOOLS=1 so a test that cannot find one of them fails instead of
#      skipping;
#   3. runs cargo test.
# Run it from anywhere: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

need_apt=()
command -v dot >/dev/null 2>&1 || need_apt+=(graphviz)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium chromium-driver)
# The face diagrams are measured in (Linux viewers draw it for Helvetica; see render/font.rs).
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_apt+=(fonts-dejavu-core)
# Neovim's built-in LSP client drives `nordgov lsp` in tests/cli/lsp.rs.
command -v nvim >/dev/null 2>&1 || need_apt+=(neovim)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "==> installing ${need_apt[*]} (apt)"
  sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if ! python3 -c 'import networkx, numpy, scipy' >/dev/null 2>&1; then
  echo "==> installing networkx, numpy, scipy (pip)"
  python3 -m pip install --quiet --disable-pip-version-check networkx numpy scipy
fi

# One npm command for both: a later `npm install --no-save` would remove what an earlier one added.
if [ ! -x node_modules/.bin/taplo ] || [ ! -f node_modules/axe-core/axe.min.js ]; then
  echo "==> installing @taplo/cli and axe-core (npm)"
  npm install --silent --no-audit --no-fund --no-save @taplo/cli@0.7.0 axe-core@4.14.1 >/dev/null
fi

export NORDGOV_REQUIRE_TOOLS=1
echo "==> cargo test"
cargo test --locked "$@"
