import type { RoomModule } from "../session/module";
import { chatCommands } from "./commands";

/** The room-wide chat and each zone's own (whose privacy comes with the zone's work, see server/zones/views.ts). */
export const chatModule: RoomModule = { name: "chat", commands: chatCommands };
