#!/usr/bin/env bash
# Runs the Pulumi test groups (tests/pulumi, tests/testing) against the lowest and the newest
# @pulumi/pulumi of the declared peer range, each in a scratch copy of the committed tree, so the
# checkout's node_modules is never touched. Run it before each release and record the result in the
# README ("Supported Pulumi versions"). Needs the npm registry.
#
# usage: tests/pulumi/peer-range.sh [version ...]   (default: the range's lowest and newest)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
range=$(node -p "require('$repo/package.json').peerDependencies['@pulumi/pulumi']")
if [ "$#" -gt 0 ]; then
  versions=("$@")
else
  lowest=$(node -p "'$range'.match(/>=\s*([0-9.]+)/)[1]")
  newest=$(npm view "@pulumi/pulumi@$range" version --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=JSON.parse(s);console.log(Array.isArray(v)?v[v.length-1]:v)})')
  versions=("$lowest" "$newest")
fi
echo "peer range: $range; testing: ${versions[*]}"
status=0
for version in "${versions[@]}"; do
  scratch=$(mktemp -d)
  git -C "$repo" archive HEAD | tar -x -C "$scratch"
  cp -R "$repo/node_modules" "$scratch/node_modules"
  log="$scratch/jest.log"
  if (cd "$scratch" && npm install --no-save --no-audit --no-fund --ignore-scripts "@pulumi/pulumi@$version" >/dev/null 2>&1 &&
      npm run build >/dev/null 2>&1 && npx jest tests/pulumi tests/testing >"$log" 2>&1); then
    echo "@pulumi/pulumi $version: PASS ($(grep -E '^Tests:' "$log"))"
  else
    echo "@pulumi/pulumi $version: FAIL ($(grep -E '^Tests:' "$log" || echo 'no jest summary; see the log'))"
    echo "  log: $log"
    status=1
  fi
done
exit "$status"
