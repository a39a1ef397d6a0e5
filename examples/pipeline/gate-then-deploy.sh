#!/usr/bin/env bash
# Run `pulumi up` only after a FunctionGraph workflow run has succeeded.
#
# Required environment: WORKFLOW_ID, EXECUTION_ID, PULUMI_STACK, and credentials as HW_ACCESS_KEY /
# HW_SECRET_KEY (never as flags: flags end up in shell history and process lists). Optional: HW_REGION_NAME
# or HW_PROJECT_ID, FGS_ENDPOINT (e.g. the local emulator), GATE_TIMEOUT (seconds, default 900),
# FGS_EXECUTION (the gate command; default `npx fgs-execution`, i.e. the installed package's bin).
set -euo pipefail

: "${WORKFLOW_ID:?set WORKFLOW_ID}" "${EXECUTION_ID:?set EXECUTION_ID}" "${PULUMI_STACK:?set PULUMI_STACK}"

endpoint_flag=()
if [[ -n "${FGS_ENDPOINT:-}" ]]; then endpoint_flag=(--endpoint "$FGS_ENDPOINT"); fi

# 1. The gate. Waiting happens here, outside the Pulumi engine, so a long run never holds a deployment open.
set +e
read -r -a gate_cmd <<<"${FGS_EXECUTION:-npx fgs-execution}"
"${gate_cmd[@]}" wait \
  --workflow-id "$WORKFLOW_ID" --execution-id "$EXECUTION_ID" \
  --require success --timeout "${GATE_TIMEOUT:-900}" ${endpoint_flag[@]+"${endpoint_flag[@]}"}
gate=$?
set -e

case "$gate" in
  0) echo "gate passed: deploying" ;;
  1) echo "::error::workflow run $EXECUTION_ID did not succeed; not deploying" >&2; exit 1 ;;
  2) echo "::error::gate misconfigured (flags or credentials); not deploying" >&2; exit 2 ;;
  3) echo "::error::could not read the workflow run (API or network); not deploying" >&2; exit 3 ;;
  4) echo "::error::workflow run $EXECUTION_ID still running after ${GATE_TIMEOUT:-900} s; not deploying" >&2; exit 4 ;;
  *) echo "::error::unexpected gate exit code $gate; not deploying" >&2; exit "$gate" ;;
esac

# 2. The deployment. The stack re-reads the same execution (the WorkflowExecution resource), so a
#    `pulumi up` started by hand is gated as well.
pulumi config set --stack "$PULUMI_STACK" workflowId "$WORKFLOW_ID"
pulumi config set --stack "$PULUMI_STACK" executionId "$EXECUTION_ID"
if [[ -n "${FGS_ENDPOINT:-}" ]]; then pulumi config set --stack "$PULUMI_STACK" endpoint "$FGS_ENDPOINT"; fi
pulumi up --stack "$PULUMI_STACK" --yes --non-interactive
