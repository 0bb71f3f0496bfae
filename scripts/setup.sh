#!/usr/bin/env bash
# Sets up a fresh Debian (or Ubuntu) machine and builds the default briefing into dist/:
#   - system packages: Chromium (prints the PDFs), poppler-utils (the tests read PDFs back),
#     DejaVu fonts (fallback for symbols the deck's own fonts lack), LibreOffice Impress (the
#     tests open slides.pptx with it, as a reader would), and where the distribution
#     has it Chromium's headless shell (the same pages without the full browser's start-up: the
#     browser rfc-brief prefers; without it the full Chromium prints);
#   - the npm dependencies (puppeteer-core only: no browser is downloaded);
#   - compiles the TypeScript and runs `npm start`.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
has_browser() {
  [ -n "${CHROME_PATH:-}" ] || [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] && return 0
  for b in chromium chromium-browser google-chrome google-chrome-stable; do command -v "$b" >/dev/null 2>&1 && return 0; done
  return 1
}
has_browser || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
# Emoji in a heading print in colour, not as missing-glyph boxes.
[ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || missing+=(fonts-noto-color-emoji)
# The tests render slides.pptx headless to check that it opens and shows what the PDF shows.
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-impress)

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: please install ${missing[*]} with your system's package manager, then run this again." >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]} (apt-get)" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# Optional: not every distribution packages it, and rfc-brief prints without it.
if [ ! -x /usr/lib/chromium/chromium-headless-shell ] && command -v apt-get >/dev/null 2>&1; then
  [ -n "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v '^lock$\|^partial$' || true)" ] || $sudo apt-get update -qq || true
  if apt-cache show chromium-headless-shell >/dev/null 2>&1; then
    echo "setup: installing chromium-headless-shell (apt-get)" >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium-headless-shell >/dev/null ||
      echo "setup: chromium-headless-shell could not be installed; the full Chromium prints the PDFs" >&2
  fi
fi

PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund
npm start
