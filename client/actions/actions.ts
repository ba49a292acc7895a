import type { ClientAction } from "./registry";
import { sessionActions } from "../session/actions";
import { voiceActions } from "../voice/actions";
import { handsActions } from "../hands/actions";
import { zonesActions } from "../zones/actions";
import { timersActions } from "../timers/actions";
import { reactionActions } from "../reactions/actions";
import { accessibilityActions } from "../accessibility/settings";
import { coachingMenuActions } from "../coaching/actions";
import { methodsActions } from "../methods/actions";
import { timelineMenuActions } from "../timeline/actions";

/** Every client action; a capability adds its list here. */
export const allActions: readonly ClientAction[] = [
  ...sessionActions,
  ...voiceActions,
  ...handsActions,
  ...reactionActions,
  ...zonesActions,
  ...timersActions,
  ...accessibilityActions,
  ...coachingMenuActions,
  ...methodsActions,
  ...timelineMenuActions,
];
