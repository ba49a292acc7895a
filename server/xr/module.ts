import type { RoomModule } from "../session/module";
import { xrCommands } from "./commands";

/** Immersive VR presence: who is in a headset (their hands travel with their poses, see movement/). */
export const xrModule: RoomModule = { name: "xr", commands: xrCommands };
