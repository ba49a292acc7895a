import { breakoutCommands } from "./breakout";
import { gatherCommands } from "./gather";
import { layoutCommands } from "./layout";

/**
 * Every zones message, by job: layout (server/zones/layout.ts), breakout (breakout.ts) and gathering
 * (gather.ts). Each is a thin wire from the protocol to a pure rule in shared/zones/.
 */
export const zonesCommands = [...layoutCommands, ...breakoutCommands, ...gatherCommands];

export { buildZone } from "./layout";
export { finishRecall } from "./breakout";
export { stopFollowing } from "./gather";
