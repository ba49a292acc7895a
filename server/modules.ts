import type { RoomModule } from "./session/module";
import { movementModule } from "./movement/module";
import { peopleModule } from "./people/module";
import { sessionModule } from "./session/session-module";
import { voiceModule } from "./voice/module";
import { zonesModule } from "./zones/module";
import { boardsModule } from "./boards/module";
import { screenModule } from "./screen/module";
import { timersModule } from "./timers/module";
import { chatModule } from "./chat/module";
import { handsModule } from "./hands/module";
import { xrModule } from "./xr/module";
import { reactionsModule } from "./reactions/module";
import { methodsModule } from "./methods/module";
import { coachingModule } from "./coaching/module";
import { speakingModule } from "./coaching/speaking";
import { hybridModule } from "./hybrid/module";
import { timelineModule } from "./timeline/module";

/** Every capability the session room runs, in the order their hooks are called. */
export const roomModules: readonly RoomModule[] = [
  sessionModule,
  peopleModule,
  // Before movement, zones and voice: a seated person's spot is settled before they reason about it.
  hybridModule,
  movementModule,
  zonesModule,
  boardsModule,
  screenModule,
  voiceModule,
  timersModule,
  chatModule,
  handsModule,
  xrModule,
  reactionsModule,
  methodsModule,
  coachingModule,
  // After voice: reads the voice engine's speech counts.
  speakingModule,
  // Last: its restore snapshots what every other module has restored.
  timelineModule,
];
