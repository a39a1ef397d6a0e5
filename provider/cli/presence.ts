/**
 * Which flags must, may or must not be given, by command and selection (see `flags.ts`): the rules the
 * parser applies once every flag is read, before any value is interpreted.
 */
import type { CommandName, Selection } from "./commands";
import { appliesTo, flagsOf, groupMembers } from "./flags";
import { UsageError } from "./usageError";

/** The flags given, by name: a value, a list's values, or `true` for a boolean flag. */
export type Values = Map<string, string | string[] | true>;

/**
 * Checks which flags are given against the selection: flags of the other selection are refused, required
 * flags must be there, and exactly one flag of each `oneOf` group.
 */
export function checkPresence(command: CommandName, selection: Selection, values: Values): void {
  const accepted = flagsOf(command);
  for (const f of accepted) {
    if (!values.has(f.name) || appliesTo(f, selection)) continue;
    // Only wait accepts flags of both selections, so these are the two ways to mix them up there.
    if (f.only?.includes("execution")) {
      throw new UsageError(
        `--${f.name} and --latest are mutually exclusive: --latest finds the run itself, --${f.name} names one; give one or the other`,
        command,
      );
    }
    throw new UsageError(
      `--${f.name} needs --latest (or the latest command): it is for finding the latest run, while without --latest ` +
        `${command} uses the run given by --execution-id`,
      command,
    );
  }
  // In the order of FLAGS, so the first missing flag of the usage line is the one reported.
  const checked = new Set<string>();
  for (const f of accepted) {
    if (!appliesTo(f, selection)) continue;
    if (f.required && !values.has(f.name)) throw new UsageError(`--${f.name} is required`, command);
    if (f.oneOf === undefined || checked.has(f.oneOf)) continue;
    checked.add(f.oneOf);
    const members = groupMembers(f.oneOf, command, selection);
    const given = members.filter((m) => values.has(m.name)).map((m) => `--${m.name}`);
    if (given.length > 1) throw new UsageError(`${given.join(" and ")} are mutually exclusive: give only one`, command);
    if (given.length === 0) {
      const names = members.map((m) => `--${m.name}`);
      const which = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
      throw new UsageError(`${which} is required`, command);
    }
  }
}
