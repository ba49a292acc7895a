import { INTEREST } from "../../shared/movement/interest";
import type { RoomModule } from "../session/module";
import { movementCommands } from "./commands";
import {
  farPoseAfterMove,
  joinInterest,
  leaveInterest,
  refreshFarPoses,
  refreshInterest,
  refreshInterestTurn,
  resendPoses,
  sendPoses,
} from "./interest";

/** Poses in (commands.ts) and out: who receives whose pose at which rate (interest.ts). */
export const movementModule: RoomModule = {
  name: "movement",
  commands: movementCommands,
  setup(room) {
    room.clock.setInterval(() => refreshInterestTurn(room), INTEREST.recomputeMs / INTEREST.recomputeTurns);
    room.clock.setInterval(() => refreshFarPoses(room), INTEREST.farPoseMs / INTEREST.farPoseTurns);
  },
  onJoin: (room, client) => joinInterest(room, client),
  onCoachJoin: (room, client) => joinInterest(room, client),
  onLeave: leaveInterest,
  onCoachLeave: leaveInterest,
  onReconnect: (room, client) => resendPoses(room, client.sessionId),
  beforePatch: sendPoses,
  onPersonMoved: (room, id, person) => farPoseAfterMove(room, id, person),
  // A screen went up or down (Troika's one-way glass): whose pose each client gets changes now.
  onScreensChanged: (room) => refreshInterest(room),
};
