/**
 * A stand-in for "the deployment": a dynamic resource that only records which release went out and which
 * workflow run allowed it. It needs no cloud provider, so the example runs anywhere (including against
 * the local emulator); replace it with your real resources.
 */
import * as pulumi from "@pulumi/pulumi";

/** Inputs of the release marker. */
export interface ReleaseMarkerArgs {
  /** The version being released. */
  version: pulumi.Input<string>;
  /** The execution ID of the workflow run that gated this release. */
  gatedBy: pulumi.Input<string>;
}

// Self-contained on purpose: Pulumi stores this object's code in state, so it captures nothing.
const releaseMarkerProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    const outs = { ...inputs, releasedAt: new Date().toISOString() };
    return { id: `release-${inputs.version}`, outs };
  },
  async diff(_id, olds, news) {
    const changes = olds.version !== news.version || olds.gatedBy !== news.gatedBy;
    return { changes, replaces: olds.version !== news.version ? ["version"] : [] };
  },
  async update(_id, _olds, news) {
    return { outs: { ...news, releasedAt: new Date().toISOString() } };
  },
  async delete() {
    // Nothing outside Pulumi's state to remove.
  },
};

/** Records one release; create it with `dependsOn` the gate so it only happens after the gate passed. */
export class ReleaseMarker extends pulumi.dynamic.Resource {
  declare readonly version: pulumi.Output<string>;
  declare readonly gatedBy: pulumi.Output<string>;
  declare readonly releasedAt: pulumi.Output<string>;

  constructor(name: string, args: ReleaseMarkerArgs, opts?: pulumi.CustomResourceOptions) {
    super(releaseMarkerProvider, name, { ...args, releasedAt: undefined }, opts, "examples", "ReleaseMarker");
  }
}
