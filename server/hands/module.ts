import type { RoomModule } from "../session/module";
import { handsCommands } from "./commands";

/** Raised hands: a person's own, shown on their avatar and queued in order for the facilitators. */
export const handsModule: RoomModule = { name: "hands", commands: handsCommands };
