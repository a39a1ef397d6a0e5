/**
 * The Pulumi projects under examples/ (and the repository root's, which points at one of them): each
 * project's `Pulumi.yaml` with its config schema, its program folder, and the stack config its README
 * documents (the `pulumi config set` lines before the first `pulumi up` or `pulumi preview`).
 */
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "./build";

// js-yaml is a dependency of the test toolchain (Istanbul); only `load` is used.
const yaml = require("js-yaml") as { load(text: string): unknown };

/** One declared config key: Pulumi treats a key without `default` as required. */
export interface ConfigKeySchema {
  type?: string;
  default?: unknown;
  description?: string;
}

export interface ExampleProject {
  /** The Pulumi.yaml file, relative to the repository. */
  file: string;
  name: string;
  /** Absolute path of the program folder (`main`'s folder, or the Pulumi.yaml's). */
  programDir: string;
  /** Absolute path of the program's entry file. */
  programFile: string;
  config: Record<string, ConfigKeySchema>;
  /** The stack config the README sets (keys without the project prefix; `--path` keys by their top name). */
  readmeConfig: Record<string, string>;
  /** The first command the README runs after setting the config. */
  firstCommand: "up" | "preview";
}

/** Every Pulumi project in the repository's examples. */
export function exampleProjects(): ExampleProject[] {
  const files = ["Pulumi.yaml", ...fs.readdirSync(path.join(REPO_ROOT, "examples")).map((d) => `examples/${d}/Pulumi.yaml`)];
  return files.filter((f) => fs.existsSync(path.join(REPO_ROOT, f))).map(loadProject);
}

function loadProject(file: string): ExampleProject {
  const doc = yaml.load(fs.readFileSync(path.join(REPO_ROOT, file), "utf8")) as { name: string; main?: string; config?: Record<string, ConfigKeySchema> };
  const main = path.resolve(path.dirname(path.join(REPO_ROOT, file)), doc.main ?? ".");
  const isFile = fs.existsSync(main) && fs.statSync(main).isFile();
  const programDir = isFile ? path.dirname(main) : main;
  const programFile = isFile ? main : path.join(main, "index.ts");
  const { config, firstCommand } = readmeConfig(fs.readFileSync(path.join(programDir, "README.md"), "utf8"), doc.name);
  return { file, name: doc.name, programDir, programFile, config: doc.config ?? {}, readmeConfig: config, firstCommand };
}

/** The `pulumi config set` lines of the README's shell blocks, up to the first `pulumi up` or `preview`. */
export function readmeConfig(readme: string, project: string): { config: Record<string, string>; firstCommand: "up" | "preview" } {
  const config: Record<string, string> = {};
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] as string);
  for (const line of blocks.join("\n").split("\n")) {
    const command = line.replace(/#.*$/, "").trim();
    const run = /^pulumi (up|preview)\b/.exec(command);
    if (run) return { config, firstCommand: run[1] as "up" | "preview" };
    const set = /^pulumi config set((?: --\w+)*) (\S+) (\S+)$/.exec(command);
    if (!set) continue;
    const [, , rawKey, value] = set as unknown as [string, string, string, string];
    const key = rawKey.startsWith(`${project}:`) ? rawKey.slice(project.length + 1) : rawKey;
    config[key] = value;
  }
  throw new Error(`the README of ${project} never runs pulumi up or pulumi preview`);
}

/** Why a value does not satisfy a key's declared type, or undefined. */
export function typeProblem(schema: ConfigKeySchema, value: string): string | undefined {
  if (schema.type === "integer" && !/^-?\d+$/.test(value)) return "is not an integer";
  if (schema.type === "boolean" && !/^(true|false)$/.test(value)) return "is not a boolean";
  return undefined;
}
