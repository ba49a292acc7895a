import type { RoomModule } from "./session/module";
import { movementModule } from "./movement/module";
import { peopleModule } from "./people/module";
import { sessionModule } from "./session/session-module";
import { zonesModule } from "./zones/module";
import { timersModule } from "./timers/module";
import { chatModule } from "./chat/module";
import { handsModule } from "./hands/module";

/** Every capability the session room runs, in the order their hooks are called. */
export const roomModules: readonly RoomModule[] = [
  sessionModule,
  peopleModule,
  movementModule,
  zonesModule,
  timersModule,
  chatModule,
  handsModule,
];
