#!/usr/bin/env bash
# Test tooling only: Debian's Chromium (and a CJK font, so screenshots show Chinese
# text as a user's machine does) for the real-browser tests. Best effort: where they
# cannot be installed the browser tests skip and say why.
set -u
[ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -q "CJK" && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null 2>&1 \
    || echo "chromium could not be installed; browser tests will skip"
else
  echo "not root or no apt-get: browser tests will skip unless /usr/bin/chromium exists"
fi
exit 0
