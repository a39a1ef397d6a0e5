/**
 * The package version for `--version`, read from package.json at run time: the same file npm installed,
 * so the command can never report a version other than the one in use. Found by walking up from this
 * file, which works both from the sources (provider/cli) and from the build (dist/provider/cli).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const PACKAGE_NAME = "fgs-workflow-gate";

/** `fgs-workflow-gate 1.2.3`, or `unknown` in place of the version when package.json cannot be found. */
export function versionText(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
        if (pkg.name === PACKAGE_NAME && typeof pkg.version === "string") return `${PACKAGE_NAME} ${pkg.version}`;
      } catch {
        // An unreadable package.json on the way up is not ours; keep looking.
      }
    }
    dir = dirname(dir);
  }
  return `${PACKAGE_NAME} unknown`;
}
