import type { AnyCommand } from "./registry";
import { movementCommands } from "../movement/commands";
import { peopleCommands } from "../people/commands";
import { sessionCommands } from "../session/commands";

/** Every command the session room accepts; a capability adds its list here. */
export const allCommands: readonly AnyCommand[] = [...sessionCommands, ...peopleCommands, ...movementCommands];
