import type { StateBinding } from "./binding";
import { bindSession } from "./bind";
import { bindPeople } from "../people/bind";
import { bindPresence } from "../avatars/bind";
import { bindBoards } from "../boards/bind";
import { bindScreen } from "../screen/bind";
import { bindZones } from "../zones/bind";
import { bindChat } from "../chat/bind";
import { bindServerClock } from "../timers/server-clock";
import { bindMethods } from "../methods/bind";
import { bindCoaching } from "../coaching/bind";
import { bindHybrid } from "../hybrid/bind";
import { bindTimeline } from "../timeline/bind";

export type { BindingContext, StateBinding } from "./binding";

/** Every capability's binding, run once per connection (session/connection.ts), in this order. */
export const stateBindings: readonly StateBinding[] = [
  bindSession,
  bindPeople,
  bindPresence,
  bindBoards,
  bindScreen,
  bindZones,
  bindChat,
  bindServerClock,
  bindMethods,
  bindCoaching,
  bindHybrid,
  bindTimeline,
];
