/** The `npm run emulator` command line: flags, the banner, start and stop. */
import { SCENARIO_IDS } from "../../emulator";
import { USAGE, main, parseArgs } from "../../emulator/main";
import { getExecution } from "./helpers";

describe("parseArgs", () => {
  test("defaults", () => {
    expect(parseArgs([])).toEqual({ port: 9000, host: "127.0.0.1", help: false });
  });
  test("flags, with separate or inline values", () => {
    expect(parseArgs(["--port", "0", "--host=127.0.0.1", "--scenario", "s.json"])).toEqual({ port: 0, host: "127.0.0.1", scenario: "s.json", help: false });
    expect(parseArgs(["--port=8080"]).port).toBe(8080);
    expect(parseArgs(["--help"]).help).toBe(true);
  });
  test("errors", () => {
    expect(() => parseArgs(["--port", "70000"])).toThrow(/0..65535/);
    expect(() => parseArgs(["--port"])).toThrow(/needs a value/);
    expect(() => parseArgs(["--verbose"])).toThrow(/unknown option --verbose/);
  });
});

test("--help prints the usage and starts nothing", async () => {
  const out: string[] = [];
  expect(await main(["--help"], (t) => out.push(t))).toBeUndefined();
  expect(out).toEqual([USAGE]);
});

test("starts, prints URL, credentials, env lines and the runs, serves, and closes", async () => {
  const out: string[] = [];
  const emu = await main(["--port", "0"], (t) => out.push(t));
  try {
    const text = out.join("\n");
    expect(text).toContain(`listening on ${emu!.url}`);
    expect(text).toContain(
      `export HW_ACCESS_KEY=EMULATORDEMOAK000001 HW_SECRET_KEY=EmulatorDemoSecretKeyNotReal000000000001 HW_PROJECT_ID=${SCENARIO_IDS.projectId} HW_REGION_NAME=cn-north-4`,
    );
    expect(text).toContain(`Endpoint: ${emu!.url}`);
    expect(text).toMatch(/exec-progress-success\s+running -> success after 2 polls/);
    expect(text).toContain(`Workflow release-checks  id ${SCENARIO_IDS.workflow}`);
    expect(text).toContain(`Workflow smoke-express  id ${SCENARIO_IDS.expressWorkflow}  (express: sync-executions)`);
    expect(text).toMatch(/Run templates for starts[^\n]*\n  success {2,}running, then success after 2 polls/);
    expect((await getExecution(emu!, SCENARIO_IDS.workflow, SCENARIO_IDS.executions.success)).status).toBe(200);
  } finally {
    await emu!.close();
  }
});
