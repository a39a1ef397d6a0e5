/**
 * Fresh consumer projects for the packed package: `npm pack` once, then one temporary project per module
 * setting, each installing the tarball with `npm install --offline`. Nothing is downloaded: the package's
 * own dependencies (ajv, node-fetch) are linked from this repository as `file:` dependencies, and
 * TypeScript, @types/node and (for Pulumi consumers) @pulumi/pulumi are symlinked from it.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const REPO_ROOT = path.resolve(__dirname, "../..");
const REPO_MODULES = path.join(REPO_ROOT, "node_modules");
const TSC = path.join(REPO_MODULES, "typescript/bin/tsc");
const FIXTURES = path.join(__dirname, "fixtures");

/** The environment for child processes: none of the caller's npm, Pulumi or Huawei Cloud settings. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(npm_|NODE_OPTIONS$|NODE_PATH$|HW_|HUAWEICLOUD_|CLOUD_SDK_|PULUMI_)/i.test(k)) env[k] = v;
  }
  return env;
}

/** Runs a command; on failure, throws with everything it printed. */
export function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, env: childEnv(), encoding: "utf8", stdio: "pipe" });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

export interface Packed {
  tarball: string;
  /** Paths inside the package, e.g. `dist/index.js`. */
  files: string[];
}

/** Packs the built package (no lifecycle scripts: `npm test` has built dist/ already). */
export function pack(into: string): Packed {
  for (const built of ["dist/index.js", "dist/lib.js", "dist/pulumi.js", "dist/emulator/index.js"]) {
    if (!fs.existsSync(path.join(REPO_ROOT, built))) throw new Error(`${built} is missing: run "npm run build" first`);
  }
  const out = run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", into], REPO_ROOT);
  const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  return { tarball: path.join(into, info.filename), files: info.files.map((f) => f.path) };
}

export interface ProjectSpec {
  name: string;
  /** `"module"` for an ESM project. */
  type?: "module";
  /** Symlink @pulumi/pulumi into the project (it stays uninstalled otherwise). */
  pulumi: boolean;
  compilerOptions: Record<string, unknown>;
  /** Fixture files copied into `src/`. */
  sources: string[];
}

function link(project: string, name: string): void {
  const target = path.join(project, "node_modules", name);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.symlinkSync(path.join(REPO_MODULES, name), target, "dir");
}

/** Creates the project, installs the tarball into it and returns its directory. */
export function createProject(root: string, tarball: string, spec: ProjectSpec): string {
  const dir = path.join(root, spec.name);
  fs.mkdirSync(path.join(dir, "src"), { recursive: true });
  const dependencies = {
    "fgs-workflow-gate": `file:${tarball}`,
    ajv: `file:${path.join(REPO_MODULES, "ajv")}`,
    "node-fetch": `file:${path.join(REPO_MODULES, "node-fetch")}`,
  };
  const manifest = { name: spec.name, version: "1.0.0", private: true, ...(spec.type ? { type: spec.type } : {}), dependencies };
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2));
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--no-package-lock", "--ignore-scripts"], dir);
  link(dir, "@types/node");
  if (spec.pulumi) link(dir, "@pulumi/pulumi");
  for (const file of spec.sources) fs.copyFileSync(path.join(FIXTURES, file), path.join(dir, "src", file));
  const tsconfig = { compilerOptions: { strict: true, skipLibCheck: false, types: ["node"], lib: ["ES2022"], ...spec.compilerOptions }, include: ["src"] };
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  return dir;
}

/** Type-checks (and, unless `noEmit`, compiles) the project with this repository's TypeScript. */
export function tsc(dir: string): void {
  run(process.execPath, [TSC, "-p", dir], dir);
}

/** Runs a script with node in the project; returns its stdout. */
export function node(dir: string, args: string[]): string {
  return run(process.execPath, args, dir);
}

/** A temporary directory for this run. */
export function tempRoot(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "fgs-consumer-"));
}
