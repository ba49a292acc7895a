import type { RoomModule } from "./session/module";
import { movementModule } from "./movement/module";
import { peopleModule } from "./people/module";
import { sessionModule } from "./session/session-module";
import { zonesModule } from "./zones/module";
import { xrModule } from "./xr/module";
import { reactionsModule } from "./reactions/module";

/** Every capability the session room runs, in the order their hooks are called. */
export const roomModules: readonly RoomModule[] = [
  sessionModule,
  peopleModule,
  movementModule,
  zonesModule,
  xrModule,
  reactionsModule,
];
