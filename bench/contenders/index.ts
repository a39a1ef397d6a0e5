/** The three contenders by id. */
import { createFloorContender } from "./floor";
import { createLibraryContender } from "./library";
import { createSdkContender } from "./sdk";
import type { Connection, Contender, ContenderId } from "./types";

export function createContender(id: ContenderId, conn: Connection): Contender {
  switch (id) {
    case "library":
      return createLibraryContender(conn);
    case "sdk":
      return createSdkContender(conn);
    case "floor":
      return createFloorContender(conn);
  }
}

export * from "./types";
