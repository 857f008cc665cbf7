#!/usr/bin/env bash
# Test tooling only: Debian's Chromium and a CJK font (so screenshots show Chinese text
# as a user's machine does) for the real-browser tests, and LibreOffice Impress, which
# renders the exported deck for the deck tests.
# Exits 0 when all are present (installing them with apt when run as root), and
# non-zero, saying why, when they cannot be had. `make test` goes on without them on a
# developer's machine (those tests then skip and say why) but not with CI=true.
set -u
have() {
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/soffice ] && fc-list 2>/dev/null | grep -q "CJK"
}
have && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  if ! apt-get update -qq; then
    echo "install-test-tools: apt-get update failed" >&2
    exit 1
  fi
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk fontconfig \
      libreoffice-impress; then
    echo "install-test-tools: apt-get could not install chromium, fonts-noto-cjk and" \
         "libreoffice-impress" >&2
    exit 1
  fi
else
  echo "install-test-tools: not root or no apt-get; install chromium, a CJK font and" \
       "LibreOffice Impress (Debian: chromium fonts-noto-cjk libreoffice-impress)" \
       "to run the browser and deck tests" >&2
fi
if ! have; then
  [ -x /usr/bin/chromium ] || echo "install-test-tools: /usr/bin/chromium is missing" >&2
  [ -x /usr/bin/soffice ] || echo "install-test-tools: /usr/bin/soffice is missing" >&2
  fc-list 2>/dev/null | grep -q "CJK" || echo "install-test-tools: no CJK font (fc-list)" >&2
  exit 1
fi
