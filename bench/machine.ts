/** The machine, Node and package versions the numbers were measured with. */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";

export interface MachineInfo {
  date: string;
  os: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  v8: string;
  packages: Record<string, string>;
  commit: string;
  keepAlive: string;
  /** 1-minute load average when the run started (other processes compete for the cores). */
  loadAverage: number;
}

const REPO_ROOT = path.resolve(__dirname, "../..");

/** Version from the installed package.json (top-level node_modules, else nested under `nestedIn`). */
function installedVersion(name: string, nestedIn?: string): string {
  const candidates = [path.join(REPO_ROOT, "node_modules", name, "package.json")];
  if (nestedIn) candidates.unshift(path.join(REPO_ROOT, "node_modules", nestedIn, "node_modules", name, "package.json"));
  for (const file of candidates) {
    try {
      return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
    } catch {
      // try the next location
    }
  }
  return "not installed";
}

function commit(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "ignore"] }).toString().trim() !== "";
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return "unknown (not a git checkout)";
  }
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  const self = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { name: string; version: string };
  const agent = http.globalAgent as http.Agent & { keepAlive?: boolean };
  return {
    date: new Date().toISOString(),
    os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    v8: process.versions.v8,
    packages: {
      [self.name]: self.version,
      "node-fetch": installedVersion("node-fetch"),
      ajv: installedVersion("ajv"),
      "@huaweicloud/huaweicloud-sdk-core": installedVersion("@huaweicloud/huaweicloud-sdk-core"),
      "@huaweicloud/huaweicloud-sdk-functiongraph": installedVersion("@huaweicloud/huaweicloud-sdk-functiongraph"),
      "axios (used by the SDK)": installedVersion("axios", "@huaweicloud/huaweicloud-sdk-core"),
      "@pulumi/pulumi": installedVersion("@pulumi/pulumi"),
    },
    commit: commit(),
    keepAlive: `http.globalAgent keepAlive=${String(agent.keepAlive)}`,
    loadAverage: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}
