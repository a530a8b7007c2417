#!/usr/bin/env bash
# Install headless Chromium and its WebDriver (Debian packages) for the browser tests in tests/web.
# Run by `make test` before pytest. Without root (or apt-get) it says so and goes on: the
# browser tests then skip with a message.
set -u
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: chromium/chromedriver not installed and cannot apt-get install them here (need root on Debian);" \
         "the browser tests in tests/web will be skipped" >&2
    exit 0
fi
echo "ensure-chromium: installing chromium chromium-driver (Debian packages)" >&2
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; }; then
    echo "ensure-chromium: apt-get failed; the browser tests in tests/web will be skipped" >&2
fi
exit 0
