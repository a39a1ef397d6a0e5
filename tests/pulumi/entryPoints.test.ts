/**
 * The built package's entry points (`.`, `./pulumi`, `./testing`, `./runtime`) share one copy of the
 * library (dist/lib.js; the Pulumi layer in dist/pulumi-lib.js takes its library modules from it): an
 * error raised under one entry point is an instance of the class a program imports from another, and a
 * program that loads only the root never loads the Pulumi layer.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { collectUnhandledRejections } from "./harness/rejections";
import { valueOf } from "./harness/outputs";

const ROOT = path.resolve(__dirname, "..", "..");

/** The built file package.json `exports` maps `name` to (jest itself maps the names to the sources). */
function built(name: string): unknown {
  const exportsMap = (require(path.join(ROOT, "package.json")) as { exports: Record<string, string | { default: string }> }).exports;
  const target = exportsMap[name === "" ? "." : `./${name}`];
  return require(path.join(ROOT, typeof target === "string" ? target : (target as { default: string }).default));
}

const root = built("") as typeof import("../../provider");
const pulumiEntry = built("pulumi") as typeof import("../../provider/pulumi");
const testing = built("testing") as typeof import("../../provider/testing");
const runtime = built("runtime") as typeof import("../../provider/pulumi/runtime");

test("a gate rejected under ./pulumi and ./testing throws the root's WorkflowGateError class", async () => {
  const failed = testing.cannedExecution({ status: "fail", workflowId: "wf", executionId: "exec-fail" });
  await testing.mockWorkflowGates({ executions: { "exec-fail": failed } });
  const { result } = await collectUnhandledRejections(() =>
    valueOf(pulumiEntry.getWorkflowExecutionOutput({ workflowId: "wf", executionId: "exec-fail", requireStatus: "success" }) as pulumi.Output<unknown>).catch(
      (e: unknown) => e,
    ),
  );
  expect(result).toBeInstanceOf(root.WorkflowGateError);
  expect(root.isWorkflowGateError(result)).toBe(true);
});

test("the runtime's configuration errors are the root's ConfigurationError class", async () => {
  const error = await runtime.readForProvider("not-an-id", {}, undefined).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(root.ConfigurationError);
});

test("requiring the root entry point loads neither @pulumi/pulumi, nor the Pulumi layer, nor any module outside the bundle", () => {
  const script = [
    'require("fgs-workflow-gate");',
    'const loaded = Object.keys(require.cache).filter((f) => /@pulumi|[\\\\/]dist[\\\\/](provider[\\\\/]|pulumi-lib)/.test(f));',
    "process.stdout.write(JSON.stringify(loaded));",
  ].join("\n");
  const out = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
  expect(out.stderr).toBe("");
  expect(JSON.parse(out.stdout)).toEqual([]);
});
