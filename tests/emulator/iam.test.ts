/** IAM project discovery: a region with zero, one or several projects. */
import { SCENARIO_IDS, startEmulator, type RunningEmulator } from "../../emulator";
import { exchange, paths } from "./helpers";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

// Signed like the official SDK's IAM sub-client: no X-Project-Id, and a `{}` body.
const projects = (name?: string) =>
  exchange(emu, { path: paths.iam, query: name === undefined ? {} : { name }, headers: { "content-type": "application/json" }, body: "{}" });

test("one project", async () => {
  const res = await projects(SCENARIO_IDS.iamRegions.one);
  expect(res.status).toBe(200);
  expect(res.json()).toEqual({
    projects: [{ id: SCENARIO_IDS.projectId, name: "cn-north-4", domain_id: SCENARIO_IDS.domainId, enabled: true }],
  });
});

test("zero projects, and an unknown region", async () => {
  expect((await projects(SCENARIO_IDS.iamRegions.none)).json()).toEqual({ projects: [] });
  expect((await projects("xx-nowhere-1")).json()).toEqual({ projects: [] });
});

test("several projects (ambiguous)", async () => {
  const body = (await projects(SCENARIO_IDS.iamRegions.several)).json();
  expect(body.projects).toHaveLength(2);
  expect(body.projects.every((p: any) => p.name === "eu-west-101")).toBe(true);
});

test("without name: every project", async () => {
  expect((await projects()).json().projects).toHaveLength(3);
});

test("signature required", async () => {
  const res = await exchange(emu, { path: paths.iam, query: { name: "cn-north-4" }, credentials: null });
  expect(res.status).toBe(401);
  expect(res.json().error_code).toBe("APIGW.0301");
});

test("a scenario without iamProjects maps its own region to its project", async () => {
  const small = await startEmulator({ scenario: { projectId: "p1", region: "ap-southeast-3", workflows: [] } });
  try {
    const res = await exchange(small, { path: paths.iam, query: { name: "ap-southeast-3" } });
    expect(res.json().projects).toEqual([{ id: "p1", name: "ap-southeast-3", domain_id: expect.any(String), enabled: true }]);
  } finally {
    await small.close();
  }
});
