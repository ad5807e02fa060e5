#!/usr/bin/env bash
# Make sure a Chromium binary is available for the end-to-end tests.
#
# Search order: $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser.
# When none is found and we can act as root (directly or through a
# non-interactive sudo), installs Debian's `chromium` package with apt-get.
#
# On success prints the absolute path of the binary on stdout (and nothing
# else); all other output goes to stderr. Exits non-zero with a message when
# no Chromium can be found or installed.
set -euo pipefail

log() { printf 'ensure-chromium: %s\n' "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

CANDIDATES=(/usr/bin/chromium /usr/bin/chromium-browser)

find_chromium() {
  local candidate
  for candidate in "${CANDIDATES[@]}"; do
    if [[ -f "$candidate" && -x "$candidate" ]]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

# An explicit path wins; a wrong one is an error rather than something to
# silently work around.
if [[ -n "${CHROMIUM_PATH:-}" ]]; then
  if [[ -f "$CHROMIUM_PATH" && -x "$CHROMIUM_PATH" ]]; then
    printf '%s\n' "$CHROMIUM_PATH"
    exit 0
  fi
  die "CHROMIUM_PATH is set to '$CHROMIUM_PATH', which is not an executable file."
fi

if path="$(find_chromium)"; then
  printf '%s\n' "$path"
  exit 0
fi

# Not installed: try apt-get.
if ! command -v apt-get >/dev/null 2>&1; then
  die "no Chromium found (looked at: ${CANDIDATES[*]}) and apt-get is not available.
Install Chromium yourself and/or set CHROMIUM_PATH to its binary."
fi

SUDO=()
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    SUDO=(sudo -n)
  else
    die "no Chromium found (looked at: ${CANDIDATES[*]}) and cannot install it:
not running as root and non-interactive sudo is unavailable.
Run 'sudo apt-get update && sudo apt-get install -y chromium', or set CHROMIUM_PATH."
  fi
fi

export DEBIAN_FRONTEND=noninteractive
APT_OPTS=(-o DPkg::Lock::Timeout=300 -o Acquire::Retries=3)

log "Chromium not found; installing Debian package 'chromium' with apt-get (this can take a few minutes)..."
attempt=1
until "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}" update >&2; do
  if ((attempt >= 3)); then
    die "'apt-get update' failed $attempt times."
  fi
  attempt=$((attempt + 1))
  log "apt-get update failed; retrying in 5s (attempt $attempt of 3)..."
  sleep 5
done

if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}" install -y chromium >&2; then
  die "'apt-get install -y chromium' failed."
fi

if ! path="$(find_chromium)"; then
  die "package 'chromium' was installed but no binary was found at: ${CANDIDATES[*]}.
(On Ubuntu the 'chromium' package is a snap wrapper that does not work in containers;
install a real Chromium and set CHROMIUM_PATH.)"
fi

if ! "$path" --version >&2; then
  die "installed Chromium at $path but it does not run ('$path --version' failed)."
fi

log "installed $path"
printf '%s\n' "$path"
