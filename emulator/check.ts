/**
 * A tiny collecting validator for the scenario file: every problem is reported with its JSON path, all at
 * once, so a hand-written scenario can be fixed in one go.
 */
import { isTimeSpec } from "./time";

/** Thrown when a scenario does not validate; `problems` lists one `path: message` per issue. */
export class ScenarioError extends Error {
  readonly code = "EMULATOR_SCENARIO_INVALID";
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`invalid emulator scenario (${source}):\n  - ${problems.join("\n  - ")}`);
    this.name = "ScenarioError";
  }
}

/** A JSON object under validation. */
export type Obj = Record<string, unknown>;

/** Collects problems; each method returns whether the value passed so callers can descend safely. */
export class Checker {
  readonly problems: string[] = [];

  fail(path: string, message: string): false {
    this.problems.push(`${path}: ${message}`);
    return false;
  }

  object(value: unknown, path: string, allowedKeys?: readonly string[]): value is Obj {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return this.fail(path, "must be an object");
    if (allowedKeys) {
      for (const key of Object.keys(value)) {
        if (!allowedKeys.includes(key)) this.fail(`${path}.${key}`, `unknown field (allowed: ${allowedKeys.join(", ")})`);
      }
    }
    return true;
  }

  array(value: unknown, path: string): value is unknown[] {
    return Array.isArray(value) || this.fail(path, "must be an array");
  }

  string(value: unknown, path: string, min = 0, max = Infinity): value is string {
    if (typeof value !== "string") return this.fail(path, "must be a string");
    if (value.length < min || value.length > max) {
      return this.fail(path, max === Infinity ? `must have at least ${min} characters` : `must have ${min}..${max} characters`);
    }
    return true;
  }

  optString(obj: Obj, key: string, path: string): void {
    if (obj[key] !== undefined) this.string(obj[key], `${path}.${key}`);
  }

  optObject(obj: Obj, key: string, path: string): void {
    if (obj[key] !== undefined) this.object(obj[key], `${path}.${key}`);
  }

  integer(value: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): value is number {
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      return this.fail(path, `must be an integer in ${min}..${max === Number.MAX_SAFE_INTEGER ? "∞" : max}`);
    }
    return true;
  }

  optInteger(obj: Obj, key: string, path: string, min: number, max?: number): void {
    if (obj[key] !== undefined) this.integer(obj[key], `${path}.${key}`, min, max);
  }

  number(value: unknown, path: string, min: number): value is number {
    if (typeof value !== "number" || !Number.isFinite(value) || value < min) return this.fail(path, `must be a number >= ${min}`);
    return true;
  }

  oneOf(value: unknown, path: string, allowed: readonly string[]): boolean {
    if (typeof value === "string" && allowed.includes(value)) return true;
    return this.fail(path, `must be one of ${allowed.join(", ")}`);
  }

  /** A TimeSpec string; `allowEpoch` also accepts a non-negative integer (epoch ms). */
  time(value: unknown, path: string, allowEpoch = false): boolean {
    if (allowEpoch && typeof value === "number") return this.integer(value, path, 0);
    if (typeof value === "string" && isTimeSpec(value)) return true;
    return this.fail(path, `must be "now", a relative time like "-5m" / "+30s", or an ISO date with zone${allowEpoch ? ", or epoch ms" : ""}`);
  }

  optTime(obj: Obj, key: string, path: string, allowEpoch = false): void {
    if (obj[key] !== undefined) this.time(obj[key], `${path}.${key}`, allowEpoch);
  }
}
