/**
 * The gRPC stubs and protobuf messages the engine uses to talk to a resource provider, loaded from the
 * copies @pulumi/pulumi itself depends on (so message classes and the gRPC runtime match the host's).
 */
import * as path from "path";

const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const fromPulumi = (id: string) => require(require.resolve(id, { paths: [pulumiDir] }));

/* eslint-disable @typescript-eslint/no-explicit-any -- generated stubs ship without usable types */
export const grpc: typeof import("@grpc/grpc-js") = fromPulumi("@grpc/grpc-js");
export const providerPb: any = require("@pulumi/pulumi/proto/provider_pb");
export const providerGrpc: any = require("@pulumi/pulumi/proto/provider_grpc_pb");
export const emptyPb: any = fromPulumi("google-protobuf/google/protobuf/empty_pb");
const structPb: any = fromPulumi("google-protobuf/google/protobuf/struct_pb");
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Pulumi's marker for a secret value in a property map (`{ [SECRET_SIG]: SECRET_VALUE_SIG, value }`). */
export const SECRET_SIG = "4dabf18193072939515e22adb298388d";
export const SECRET_VALUE_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** A secret property value, as the engine sends it before the provider declines secrets. */
export function secretValue(value: unknown): Record<string, unknown> {
  return { [SECRET_SIG]: SECRET_VALUE_SIG, value };
}

/** A plain object as a protobuf Struct; the JSON round trip drops `undefined` (Struct rejects it). */
export function toStruct(obj: Record<string, unknown>): unknown {
  return structPb.Struct.fromJavaScript(JSON.parse(JSON.stringify(obj)));
}

/** A protobuf Struct (or undefined) as a plain object. */
export function fromStruct(s: { toJavaScript(): Record<string, unknown> } | undefined): Record<string, unknown> {
  return s ? s.toJavaScript() : {};
}
