/**
 * The package's scripts and bins as a newcomer and a consumer meet them (issue 20): no `prepare` (npm 11
 * reports it as an install script in every consumer), the build on `prepack`, the README's two commands
 * build first on a fresh clone, and every bin exists with a shebang.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { ROOT } from "./helpers";

const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string>; bin: Record<string, string> };

test("the build runs on prepack, never as an install script", () => {
  for (const hook of ["prepare", "preinstall", "install", "postinstall"]) expect(pkg.scripts[hook]).toBeUndefined();
  expect(pkg.scripts.prepack).toBe("npm run build");
});

test("npm run demo and npm run emulator build first, so they work right after npm ci", () => {
  expect(pkg.scripts.demo).toMatch(/^npm run build && node dist\/demo\/main\.js$/);
  expect(pkg.scripts.emulator).toMatch(/^npm run build && node dist\/emulator\/main\.js$/);
});

test("the build also refreshes the GitHub Action's committed bundle", () => {
  expect(pkg.scripts.build).toMatch(/&& node action\/build\.js$/);
});

test("both bins exist and start with a node shebang", () => {
  expect(Object.keys(pkg.bin).sort()).toEqual(["fgs-emulator", "fgs-execution"]);
  for (const file of Object.values(pkg.bin)) expect(readFileSync(path.join(ROOT, file), "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
});
