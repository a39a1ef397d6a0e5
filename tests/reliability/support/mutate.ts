/**
 * Mutations of a valid body: replace any value (wrong types, other statuses, unknown statuses, odd
 * times, very deep or very large values), delete any member, add members. Deep and large values are
 * carried as small markers and expanded only in the JSON text, so fast-check never copies megabytes
 * while generating or shrinking.
 */
import fc from "fast-check";
import { STATUSES } from "./oracle";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Path = (string | number)[];

export type Mutation =
  | { op: "set"; path: Path; value: Json }
  | { op: "delete"; path: Path }
  | { op: "add"; path: Path; key: string; value: Json };

/** Every path to a value inside `v` (the root excluded). */
export function pathsOf(v: Json, prefix: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(v)) v.forEach((x, i) => out.push([...prefix, i], ...pathsOf(x, [...prefix, i])));
  else if (v && typeof v === "object") for (const k of Object.keys(v)) out.push([...prefix, k], ...pathsOf(v[k], [...prefix, k]));
  return out;
}

const marker = (kind: string, n: number) => `\u0000${kind}:${n}`;

const SCALARS: Json[] = [
  null, true, false, 0, -1, 1.5, 1e21, 8640000000000000, 8640000000000001, -0.5, "", " ", "null", "0",
  "SUCCESS", "Success", "success ", " success", "succeeded", "ok", "paused", "failed", "unknown", "\u0000",
  "2024-02-30T00:00:00Z", "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2024-05-06T07:08:09", "2024-05-06 07:08:09Z",
  "2024-05-06T24:00:00Z", "2024-05-06T07:08:60Z", "2024-05-06T07:08:09.1234567890Z", "2024-05-06T07:08:09+24:00",
  "+275760-09-13T00:00:00.000Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-23:59", "1714978800000",
  "urn:fss:cn-north-4:p:workflow:default:x:latest", "urn:fss::p:workflow:default:x:latest", "urn:fss:a:b:workflow:c:d:e:f",
  "wf-fuzz-1", "ex-fuzz-1", "wf-fuzz-2", "ex-fuzz-1 ",
];

/** A replacement value of any kind. */
export const fuzzValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<Json>(...STATUSES) },
  { weight: 4, arbitrary: fc.constantFrom(...SCALARS) },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 8640000000000000 }) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.constantFrom(100, 1000).map((n) => marker("DEEP-ARRAY", n)),
      fc.constantFrom(100, 1000).map((n) => marker("DEEP-OBJECT", n)),
      fc.constantFrom(100_000, 1_000_000).map((n) => marker("LONG-STRING", n)),
      fc.constantFrom(10_000, 100_000).map((n) => marker("LONG-ARRAY", n)),
      fc.constantFrom(199, 200, 201, 1000).map((n) => marker("NODES", n)),
      fc.constantFrom(1000, 20_000).map((n) => marker("NODE-EXECUTIONS", n)),
    ),
  },
);

/** 1 to 3 mutations of `base`. */
export function mutations(base: Json): fc.Arbitrary<Mutation[]> {
  const paths = pathsOf(base);
  const path = fc.constantFrom(...paths);
  const one: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ op: fc.constant("set" as const), path, value: fuzzValue }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("delete" as const), path }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant("add" as const),
        path: fc.constantFrom<Path>([], ...paths),
        key: fc.constantFrom("extra", "__proto__", "constructor", "Status", "status", "STATUS", "toString"),
        value: fuzzValue,
      }),
    },
  );
  return fc.array(one, { minLength: 1, maxLength: 3 });
}

function parentOf(root: Json, path: Path): Json | undefined {
  let v: Json | undefined = root;
  for (const k of path.slice(0, -1)) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, Json>)[k];
  }
  return v;
}

/** Applies the mutations to a copy of `base`; a mutation whose path no longer exists is skipped. */
export function applyMutations(base: Json, list: readonly Mutation[]): Json {
  const root = { doc: structuredClone(base) } as { doc: Json };
  for (const m of list) {
    const full: Path = ["doc", ...m.path];
    const parent = parentOf(root as unknown as Json, m.op === "add" ? [...full, "_"] : full);
    if (parent === null || typeof parent !== "object" || parent === undefined) continue;
    const key = m.op === "add" ? m.key : (full[full.length - 1] as string | number);
    if (m.op === "delete") {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete (parent as Record<string, Json>)[key as string];
    } else if (Array.isArray(parent) && m.op === "add") {
      parent.push(m.value);
    } else {
      // defineProperty, so that "__proto__" becomes an own member as JSON.parse would make it.
      Object.defineProperty(parent, key, { value: m.value, enumerable: true, writable: true, configurable: true });
    }
  }
  return root.doc;
}

const VALID_NODE = '{"node_id":"n","node_name":"bulk","execution_id":"x","executions":[{"status":"success","begin_time":1,"end_time":2}]}';
const VALID_NODE_EXECUTION = '{"status":"fail","begin_time":1714978800000,"end_time":1714978800001,"error_message":{"error_msg":"x"}}';

function expand(kind: string, n: number): string {
  switch (kind) {
    case "DEEP-ARRAY":
      return "[".repeat(n) + "0" + "]".repeat(n);
    case "DEEP-OBJECT":
      return '{"a":'.repeat(n) + "0" + "}".repeat(n);
    case "LONG-STRING":
      return `"${"x".repeat(n)}"`;
    case "LONG-ARRAY":
      return `[${new Array(n).fill(7).join(",")}]`;
    case "NODES":
      return `[${new Array(n).fill(VALID_NODE).join(",")}]`;
    case "NODE-EXECUTIONS":
      return `[${new Array(n).fill(VALID_NODE_EXECUTION).join(",")}]`;
    default:
      throw new Error(`unknown marker ${kind}`);
  }
}

/** The JSON text of a mutated body, markers expanded. */
export function toText(body: Json): string {
  return JSON.stringify(body).replace(/"\\u0000([A-Z-]+):(\d+)"/g, (_m, kind: string, n: string) => expand(kind, Number(n)));
}
