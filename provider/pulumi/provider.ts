/**
 * The dynamic provider objects behind the `WorkflowExecution` and `LatestWorkflowExecution` resources.
 *
 * Pulumi serializes each object (with everything its methods capture) into every resource's state as
 * `__provider`, and the provider host re-creates it from that text. So the methods here capture nothing
 * but `loadRuntime`: no client, no ajv, no config, and above all no credential. The real work is in
 * `fgs-workflow-gate/runtime`, loaded by package name when a method runs. Credentials reach the code only
 * through `configure()` (stack config, kept in the host's memory) or the host's environment.
 */
import type * as pulumi from "@pulumi/pulumi";
import type * as Runtime from "./runtime";

/** The provider object's type: Pulumi's interface plus the config that `configure()` keeps. */
export interface WorkflowExecutionProvider extends pulumi.dynamic.ResourceProvider {
  /** Set by `configure()` inside the provider host only; never set in the program (it would be serialized). */
  config?: Runtime.ProviderConfig;
}

/**
 * Loads the runtime module from the Pulumi project directory (the host's cwd).
 *
 * Why not a plain `require`: the host compiles `__provider` with `require-from-string`, which gives the
 * module no file name, so Node's package self-reference (needed when the program lives inside this
 * repository) does not apply. Anchoring a `require` at the cwd restores both normal `node_modules`
 * lookup (consumer projects) and self-reference (this repository, after `npm run build`).
 */
function loadRuntime(): typeof Runtime {
  const path = require("path") as typeof import("path");
  const anchored = (require("module") as typeof import("module")).createRequire(
    path.join(process.cwd(), "__fgs_workflow_gate_provider__.js"),
  );
  try {
    return anchored("fgs-workflow-gate/runtime") as typeof Runtime;
  } catch (e) {
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new Error(
      `fgs-workflow-gate: cannot load "fgs-workflow-gate/runtime" from ${process.cwd()}. Install ` +
        `fgs-workflow-gate in the Pulumi project (npm install), or run "npm run build" in its repository. (${why})`,
    );
  }
}

/**
 * The dynamic provider. Use one shared instance: Pulumi caches the serialized text per provider object.
 * The resource reads by ID, so the engine only ever calls `configure` and `read`; `check`, `diff` and
 * `create` exist for completeness, and `delete` does nothing because a read execution is never owned.
 */
export const workflowExecutionProvider: WorkflowExecutionProvider = {
  async configure(req) {
    this.config = loadRuntime().pickProviderConfig(req.config);
  },
  async check(_olds, news) {
    return loadRuntime().checkForProvider(news);
  },
  async diff(_id, olds, news) {
    return loadRuntime().diffForProvider(olds, news);
  },
  async create(inputs) {
    return loadRuntime().createForProvider(inputs, this.config);
  },
  async read(id, props) {
    return loadRuntime().readForProvider(id, props, this.config);
  },
  async delete() {
    // Nothing to delete: the gate never owns the execution it reads.
  },
};

/**
 * The dynamic provider of `LatestWorkflowExecution`, built the same way (it captures only `loadRuntime`).
 * A sibling object rather than a mode of `workflowExecutionProvider`: each resource type keeps its own
 * small serialized text, and state written for one type never runs the other's code path. The resource
 * reads by its synthetic ID, so the engine only calls `configure` and `read`.
 */
export const latestWorkflowExecutionProvider: WorkflowExecutionProvider = {
  async configure(req) {
    this.config = loadRuntime().pickProviderConfig(req.config);
  },
  async check(_olds, news) {
    return loadRuntime().checkLatestForProvider(news);
  },
  async diff(id, olds, news) {
    return loadRuntime().diffLatestForProvider(id, olds, news);
  },
  async create(inputs) {
    return loadRuntime().createLatestForProvider(inputs, this.config);
  },
  async read(id, props) {
    return loadRuntime().readLatestForProvider(id, props, this.config);
  },
  async delete() {
    // Nothing to delete: the gate never owns the run it reads.
  },
};

/**
 * The dynamic provider of `WorkflowRun` (it captures only `loadRuntime`, like the two above). The engine
 * calls `check` and `diff` on every preview and up, `create` only during an up (a preview never starts a
 * run), `read` on refresh (which sends nothing) and `delete` when the resource goes (which leaves the run
 * alone). There is no `update`: every change is a replacement, i.e. a new run.
 */
export const workflowRunProvider: WorkflowExecutionProvider = {
  async configure(req) {
    this.config = loadRuntime().pickProviderConfig(req.config);
  },
  async check(_olds, news) {
    return loadRuntime().checkRunForProvider(news);
  },
  async diff(_id, olds, news) {
    return loadRuntime().diffRunForProvider(olds, news);
  },
  async create(inputs) {
    return loadRuntime().createRunInHost(inputs, this.config);
  },
  async read(id, props) {
    return loadRuntime().readRunForProvider(id, props);
  },
  async delete() {
    // A run is history: deleting the resource neither stops nor removes it.
  },
};
