/**
 * The requests the Pulumi engine sends to a provider host, as small typed functions. Request shapes follow
 * the engine: Configure carries the namespaced stack config (secrets wrapped), Read of a resource read by
 * ID carries the given props as both properties and inputs, Check/Diff carry old and new inputs.
 */
import type { ProviderHost } from "./host";
import { emptyPb, fromStruct, providerPb, toStruct } from "./proto";

type Props = Record<string, unknown>;

/** The dynamic-provider package's provider type, as the engine names it in Configure. */
const PROVIDER_TYPE = "pulumi:providers:pulumi-nodejs";

/** `Configure`: returns the provider's answers (the dynamic host declines secrets and preview). */
export async function configure(host: ProviderHost, stackConfig: Props) {
  const req = new providerPb.ConfigureRequest();
  req.setArgs(toStruct(stackConfig));
  req.setAcceptsecrets(true);
  req.setAcceptresources(true);
  // `type` exists only in newer protobufs (the host ignores it); older SDKs of the peer range lack it.
  if (typeof req.setType === "function") req.setType(PROVIDER_TYPE);
  const res = await host.call<{ getAcceptsecrets(): boolean; getSupportspreview(): boolean }>("configure", req);
  return { acceptSecrets: res.getAcceptsecrets(), supportsPreview: res.getSupportspreview() };
}

/** `Check(olds, news)`: returns the checked inputs and failures. */
export async function check(host: ProviderHost, urn: string, olds: Props, news: Props) {
  const req = new providerPb.CheckRequest();
  req.setUrn(urn);
  req.setOlds(toStruct(olds));
  req.setNews(toStruct(news));
  type Failure = { getProperty(): string; getReason(): string };
  const res = await host.call<{ getInputs(): never; getFailuresList(): Failure[] }>("check", req);
  return {
    inputs: fromStruct(res.getInputs()),
    failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
  };
}

/** `Diff(id, olds = old outputs, news = new inputs)`. */
export async function diff(host: ProviderHost, urn: string, id: string, olds: Props, news: Props) {
  const req = new providerPb.DiffRequest();
  req.setUrn(urn);
  req.setId(id);
  req.setOlds(toStruct(olds));
  req.setNews(toStruct(news));
  const res = await host.call<{ getChanges(): number; getReplacesList(): string[] }>("diff", req);
  const names = ["DIFF_UNKNOWN", "DIFF_NONE", "DIFF_SOME"];
  return { changes: names[res.getChanges()], replaces: res.getReplacesList() };
}

/** `Read(id, properties, inputs)`: for a read by ID the engine sends the given props as both. */
export async function read(host: ProviderHost, urn: string, id: string, properties: Props, inputs: Props = properties) {
  const req = new providerPb.ReadRequest();
  req.setUrn(urn);
  req.setId(id);
  req.setProperties(toStruct(properties));
  req.setInputs(toStruct(inputs));
  const res = await host.call<{ getId(): string; getProperties(): never }>("read", req);
  return { id: res.getId(), props: fromStruct(res.getProperties()) };
}

/** True when this SDK's protocol has `Handshake` (added in 3.143.0; the engine falls back to Configure without it). */
export const HAS_HANDSHAKE = typeof providerPb.ProviderHandshakeRequest === "function";

/** `Handshake`, expected UNIMPLEMENTED: the engine then falls back to Configure. */
export function handshake(host: ProviderHost): Promise<unknown> {
  return host.call("handshake", new providerPb.ProviderHandshakeRequest());
}

/** `GetPluginInfo`: the SDK version of the host. */
export async function pluginInfo(host: ProviderHost): Promise<string> {
  const res = await host.call<{ getVersion(): string }>("getPluginInfo", new emptyPb.Empty());
  return res.getVersion();
}

/** A resource URN as the engine builds it. */
export function urnOf(type: string, name: string, project = "fgs-gate-test", stack = "test"): string {
  return `urn:pulumi:${stack}::${project}::${type}::${name}`;
}

/** `Create(properties = checked inputs)`: returns the new ID and outputs. */
export async function create(host: ProviderHost, urn: string, properties: Props) {
  const req = new providerPb.CreateRequest();
  req.setUrn(urn);
  req.setProperties(toStruct(properties));
  const res = await host.call<{ getId(): string; getProperties(): never }>("create", req);
  return { id: res.getId(), props: fromStruct(res.getProperties()) };
}
