/**
 * Named IDs of the shipped default scenario (`scenarios/default.json`), so tests, the demo and docs never
 * spell an ID twice. A test checks that every ID here exists in the file and does what its comment says.
 *
 * Every execution in `executions` belongs to `workflow` ("release-checks"), except `publishedExample`,
 * which belongs to `exampleWorkflow` (its body names that workflow). Times are relative to emulator start;
 * "polls" are complete 200 reads of that execution; "attempts" are all requests to it.
 */
export const SCENARIO_IDS = {
  /** The scenario's project (32 characters, obviously fake). */
  projectId: "f6e5d4c3b2a1f0e9d8c7b6a5emulator",
  /** The scenario's region. */
  region: "cn-north-4",
  /** The account (domain) id IAM reports. */
  domainId: "d0ma1n000000000000000000emulator",
  /** Regions for IAM project discovery (`GET /v3/projects?name=`). */
  iamRegions: {
    /** Exactly one project: the scenario's project. */
    one: "cn-north-4",
    /** No project at all. */
    none: "ap-southeast-1",
    /** Two projects with the same name: ambiguous. */
    several: "eu-west-101",
  },
  /** Workflow "release-checks": every execution below except `publishedExample`. */
  workflow: "5b0c7e2a-1f3d-4c8e-9a6b-2d4f6e8a0c11",
  workflowName: "release-checks",
  /** Workflow "release-checks-v2": a name that contains "release-checks" (list-API prefix collision). */
  workflowV2: "9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a",
  workflowV2Name: "release-checks-v2",
  /** Workflow "testflow", the id of the published example (functiongraph-api.md section 0). */
  exampleWorkflow: "48aff955-ea10-4ffd-b426-190bc192dc14",
  exampleWorkflowName: "testflow",
  /** Workflow "smoke-express": an express workflow (sync-executions; its runs are not persisted). No runs. */
  expressWorkflow: "c4a7e9d1-3b5f-4e2a-8c6d-0f1e2d3c4b5a",
  expressWorkflowName: "smoke-express",
  /**
   * Run templates for starts (`input.scenario`); times are relative to the start, "polls" are reads of the
   * started run. A start without `input.scenario` uses `success`.
   */
  runTemplates: {
    /** running, then success after 2 polls (all four nodes). */
    success: "success",
    /** running, then fail after 2 polls: integration-tests fails with FSS.1051 "integration tests failed: 3 of 120". */
    failAtIntegration: "fail-at-integration",
    /** running, then timeout after 2 polls (integration-tests, FSS.0408). */
    timeout: "timeout",
    /** running forever: for wait timeouts and terminate. */
    runForever: "run-forever",
    /** running, then success 10 seconds after the start. */
    successAfter10s: "success-after-10s",
    /** The first start choosing it gets 429 APIGW.0308 (Retry-After: 1) and starts nothing; later ones as success. */
    throttledOnce: "throttled-once",
    /** Every start creates the run, then the connection is reset before any answer. */
    resetAfterStart: "reset-after-start",
    /** Every start creates the run, then answers 502 APIGW.0201. */
    errorAfterStart: "error-after-start",
    /** Every start creates the run and answers after 3 s. */
    slowStart: "slow-start",
  },
  executions: {
    /** success: all four nodes (build, unit-tests, integration-tests, deploy-canary) succeeded; began 25 min ago. */
    success: "exec-success",
    /** fail: integration-tests failed with `{"error_code":"FSS.1051","error_msg":"integration tests failed: 3 of 120"}` and a request_id; deploy-canary never ran. */
    fail: "exec-fail",
    /** running forever: build and unit-tests succeeded, integration-tests running, end_time "". */
    running: "exec-running",
    /** timeout: integration-tests timed out (FSS.0408) after an hour. */
    timeout: "exec-timeout",
    /** cancel: cancelled during unit-tests. */
    cancel: "exec-cancel",
    /** scheduled (non-final): no node has started. */
    scheduled: "exec-scheduled",
    /** retrying (non-final): integration-tests failed once and its second attempt runs. */
    retrying: "exec-retrying",
    /** stopping (non-final): a stop was requested while deploy-canary runs. */
    stopping: "exec-stopping",
    /** recovered (non-final): integration-tests failed, the run recovered and a new attempt runs. */
    recovered: "exec-recovered",
    /** running → success after 2 polls (the 3rd read is final); partial nodes until then. */
    progressToSuccess: "exec-progress-success",
    /** running → fail after 2 polls: integration-tests fails with FSS.1051 "3 of 120". */
    progressToFail: "exec-progress-fail",
    /** running → success 10 seconds after emulator start (or reset). */
    progressAfterSeconds: "exec-progress-timed",
    /** success with integration-tests retried: three node executions (fail, fail, success). */
    retriedNode: "exec-retried-node",
    /** The published example body served verbatim (status running, in workflow `exampleWorkflow`). */
    publishedExample: "48aff955-ea10-4ffd-b426-190bc192dc14",
    /** Raw body with the undocumented status "paused" (for validation errors). */
    rawInvalidStatus: "exec-raw-invalid-status",
    /** Raw body with wrong types (numeric begin_time, string node times) and no created_by. */
    rawWrongTypes: "exec-raw-wrong-types",
    /** A run that appears while waiting: 404 and absent from lists until 2 list calls of its workflow were answered. */
    appearing: "exec-appearing",
    /** Generated 200 nodes × 200 executions (about 7.8 MB of JSON). */
    large: "exec-large",
    /** Older successful run, 1 day ago (inside the default 3-day list window). */
    older1d: "exec-old-1d",
    /** Older failed run, 2 days ago (inside the window). */
    older2d: "exec-old-2d",
    /** Older successful run, 4 days ago (outside the default window). */
    older4d: "exec-old-4d",
    /** Older cancelled run, 10 days ago (outside the default window). */
    older10d: "exec-old-10d",
    /** 429 APIGW.0308 with `Retry-After: 1` on attempt 1, then the success body. */
    fault429: "exec-fault-429",
    /** 429 with an HTTP-date `Retry-After` 2 s ahead on attempt 1, then success. */
    fault429HttpDate: "exec-fault-429-date",
    /** 503 FSS.0503 with `Retry-After: 1` on attempt 1, then success. */
    fault503: "exec-fault-503",
    /** 500, 502, 504 on attempts 1-3, then success. */
    faultFlaky: "exec-fault-flaky",
    /** Connection reset on attempt 1, then success. */
    faultResetOnce: "exec-fault-reset-once",
    /** 500 FSS.0500 on every attempt. */
    fault500: "exec-fault-500",
    /** 501 on every attempt. */
    fault501: "exec-fault-501",
    /** 400 FSS.0400 on every attempt. */
    fault400: "exec-fault-400",
    /** 401 APIGW.0301 on every attempt (even correctly signed). */
    fault401: "exec-fault-401",
    /** 403 APIGW.0302 on every attempt. */
    fault403: "exec-fault-403",
    /** 502 HTML error page (text/html) on every attempt. */
    faultHtml: "exec-fault-html",
    /** Normal body after 3 s of silence (slow headers), every attempt. */
    faultSlow: "exec-fault-slow",
    /** Headers and 64 bytes of body, then nothing ever (stalled body), every attempt. */
    faultStall: "exec-fault-stall",
    /** A complete 200 whose JSON is cut in half, every attempt. */
    faultTruncated: "exec-fault-truncated",
    /** A 200 with an empty body, every attempt. */
    faultEmpty: "exec-fault-empty",
    /** The success body as text/plain, every attempt. */
    faultContentType: "exec-fault-content-type",
    /** The success body padded beyond 20 MiB (valid JSON), every attempt. */
    faultOversize: "exec-fault-oversize",
    /** Connection reset before any response, every attempt. */
    faultReset: "exec-fault-reset",
    /** Headers and half the body, then a connection reset, every attempt. */
    faultResetMidBody: "exec-fault-reset-mid-body",
    /** Connection closed without any response, every attempt. */
    faultClose: "exec-fault-close",
    /** 302 to `http://127.0.0.2:<port>/...` (another host), every attempt. */
    faultRedirect: "exec-fault-redirect",
  },
  /** Runs of `workflowV2`. */
  v2Executions: {
    /** success, 35 minutes ago. */
    success: "exec-v2-success",
    /** fail, 5 hours ago. */
    fail: "exec-v2-fail",
  },
} as const;
