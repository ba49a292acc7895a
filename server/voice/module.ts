import type { RoomModule } from "../session/module";
import { voiceCommands, voiceRooms } from "./commands";
import { VoiceRoom } from "./voice-room";

/**
 * Spatial voice with private breakout zones: the hearing plan follows the authoritative zones and
 * positions (shared/voice/routing.ts), the engine forwards accordingly (engine.ts).
 */
export const voiceModule: RoomModule = {
  name: "voice",
  commands: voiceCommands,
  setup(room) {
    voiceRooms.set(room, new VoiceRoom(room));
  },
  onJoin(room, client) {
    voiceRooms.get(room)?.addPerson(client.sessionId);
  },
  onLeave(room, id) {
    voiceRooms.get(room)?.removePerson(id);
  },
  onPersonMoved(room, _id, person) {
    // Only plenary distances depend on position; zone changes come through onPersonZoneChanged.
    if (person.zone === "") voiceRooms.get(room)?.markMoved();
  },
  onPersonRoleChanged(room) {
    // A new or former facilitator starts or stops hearing a coach's whisper.
    voiceRooms.get(room)?.replan();
  },
  onPersonZoneChanged(room) {
    // Entering or leaving a zone changes who may hear whom: at once, not on the next tick.
    voiceRooms.get(room)?.replan();
  },
  onScreensChanged(room) {
    // Troika's glass went up or down (the consultants stop or start again receiving the client), or a
    // silent Brainwriting step hushed or unhushed its groups.
    voiceRooms.get(room)?.replan();
  },
  async onDispose(room) {
    await voiceRooms.get(room)?.close();
    voiceRooms.delete(room);
  },
};
