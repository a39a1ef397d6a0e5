/**
 * The three contenders by id. Each is loaded only when asked for, so a memory worker's process holds the
 * code of its own contender alone (the SDK's worker does not load this package, nor the reverse).
 */
import type { Connection, Contender, ContenderId } from "./types";

/* eslint-disable @typescript-eslint/no-require-imports */
export function createContender(id: ContenderId, conn: Connection): Contender {
  switch (id) {
    case "library":
      return (require("./library") as typeof import("./library")).createLibraryContender(conn);
    case "sdk":
      return (require("./sdk") as typeof import("./sdk")).createSdkContender(conn);
    case "floor":
      return (require("./floor") as typeof import("./floor")).createFloorContender(conn);
  }
}
/* eslint-enable @typescript-eslint/no-require-imports */

export * from "./types";
