#!/usr/bin/env bash
# Test tooling only: Debian's Chromium and a CJK font (so screenshots show Chinese text
# as a user's machine does) for the real-browser tests.
# Exits 0 when both are present (installing them with apt when run as root), and
# non-zero, saying why, when they cannot be had. `make test` goes on without them on a
# developer's machine (the browser tests then skip and say why) but not with CI=true.
set -u
have() { [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -q "CJK"; }
have && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  if ! apt-get update -qq; then
    echo "install-chromium: apt-get update failed" >&2
    exit 1
  fi
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk fontconfig; then
    echo "install-chromium: apt-get could not install chromium and fonts-noto-cjk" >&2
    exit 1
  fi
else
  echo "install-chromium: not root or no apt-get; install chromium and a CJK font" \
       "(Debian: chromium fonts-noto-cjk) to run the browser tests" >&2
fi
if ! have; then
  [ -x /usr/bin/chromium ] || echo "install-chromium: /usr/bin/chromium is missing" >&2
  fc-list 2>/dev/null | grep -q "CJK" || echo "install-chromium: no CJK font (fc-list)" >&2
  exit 1
fi
