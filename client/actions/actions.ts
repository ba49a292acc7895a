import type { ClientAction } from "./registry";
import { sessionActions } from "../session/actions";
import { voiceActions } from "../voice/actions";

/** Every client action; a capability adds its list here. */
export const allActions: readonly ClientAction[] = [...sessionActions, ...voiceActions];
