#!/usr/bin/env bash
# Installs the test prerequisites that are missing, starts the PostgreSQL server the
# PostgreSQL index tests use, then runs the whole test suite (unit + interop).
# Usage: scripts/test.sh [extra maven args]
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# Debian packages the tests run against: real peers and a real database.
PACKAGES=(dcmtk orthanc python3-pydicom postgresql openssl curl chromium chromium-driver)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  # Never let a package start its system service (Orthanc's in particular): tests start
  # their own instances with their own ports and folders.
  policy_created=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod +x /usr/sbin/policy-rc.d
    policy_created=1
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO -E apt-get install -y -qq --no-install-recommends "${missing[@]}"
  if [ -n "$policy_created" ]; then $SUDO rm -f /usr/sbin/policy-rc.d; fi
fi

# The system Orthanc service must never be the one under test.
if pgrep -x Orthanc >/dev/null 2>&1 && [ -z "${CUSTODIAN_KEEP_ORTHANC:-}" ]; then
  $SUDO service orthanc stop >/dev/null 2>&1 || true
fi

scripts/pg-test-server.sh
source target/pg-test-env.sh

exec mvn -B -ntp verify "$@"
