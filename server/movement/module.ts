import type { RoomModule } from "../session/module";
import { movementCommands } from "./commands";

export const movementModule: RoomModule = { name: "movement", commands: movementCommands };
