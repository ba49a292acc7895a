import type { ClientAction } from "./registry";
import { sessionActions } from "../session/actions";
import { reactionActions } from "../reactions/actions";

/** Every client action; a capability adds its list here. */
export const allActions: readonly ClientAction[] = [...sessionActions, ...reactionActions];
