/**
 * The provider host runs the serialized provider, which loads `fgs-workflow-gate/runtime`, i.e. the
 * compiled `dist/`. `npm test` builds first (pretest); when jest runs alone, fail with a clear message
 * instead of a confusing module-not-found from inside the host.
 */
import * as fs from "fs";
import * as path from "path";

/** The repository root: the host's cwd, as the engine would use the Pulumi project directory. */
export const REPO_ROOT = path.resolve(__dirname, "../../..");

/** Throws unless `dist/runtime.js` (the bundled runtime entry) exists; warns when it is older than its source. */
export function requireBuiltRuntime(): void {
  const built = path.join(REPO_ROOT, "dist/runtime.js");
  if (!fs.existsSync(built)) {
    throw new Error(`${built} is missing: run "npm run build" (or "npx tsc -p tsconfig.build.json") before the engine tests`);
  }
  const source = path.join(REPO_ROOT, "provider/pulumi/runtime.ts");
  if (fs.statSync(source).mtimeMs > fs.statSync(built).mtimeMs) {
    process.stderr.write(`warning: ${built} is older than its source; the host runs the built code\n`);
  }
}

/** The environment without any Huawei credential or Pulumi variable of the caller's shell. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(HW_|HUAWEICLOUD_|CLOUD_SDK_|PULUMI_)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}
