# Shared by scripts/demo, scripts/test and scripts/bench: install what is missing from
# Debian's archive, then configure and build. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Build and run-time dependencies (README "Dependencies" says why each is here).
PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libimgui-dev libglfw3-dev python3-glad libgl-dev libgl1-mesa-dri
  libsqlitecpp-dev libsqlite3-dev sqlite3
  catch2 nlohmann-json3-dev libtomlplusplus-dev libcli11-dev libspdlog-dev libfmt-dev
  libcsv-dev libssl-dev libstb-dev libfreetype-dev
  libpqxx-dev libpq-dev postgresql
  libsystemd-dev libxext-dev
  dpkg-dev lintian systemd
  libxlsxwriter-dev unzip
  libcairo2-dev libpango1.0-dev poppler-utils
  fonts-dejavu-core
  xvfb xauth xdotool x11-apps
  clang libclang-rt-14-dev python3
)

ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# configure_and_build BUILD_DIR BUILD_TYPE [extra cmake args...]
# $BUILD_TARGET, when set, builds that target only (scripts/bench: `benches`).
configure_and_build() {
  local dir="$1" type="$2"
  shift 2
  # Configured every time, not only when new, so an option a script adds later (say
  # scripts/test's line tables) reaches a build folder made before it; cmake leaves the
  # build files alone when nothing changed.
  cmake -S "$ROOT" -B "$ROOT/$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" >/dev/null
  cmake --build "$ROOT/$dir" -j "$(nproc)" ${BUILD_TARGET:+--target "$BUILD_TARGET"}
}

# Runs "$@" with a display: the current one, or a private Xvfb when there is none.
with_display() {
  if [ -n "${DISPLAY:-}" ]; then
    "$@"
  else
    # -noreset: by default Xvfb resets when its last client leaves, and a test window
    # opening during that reset fails with "cannot open display" (ctest -j runs windows
    # one after another and side by side).
    xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp -noreset" "$@"
  fi
}
