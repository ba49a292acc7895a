import type { RoomModule } from "./module";
import { sessionCommands } from "./commands";

export const sessionModule: RoomModule = { name: "session", commands: sessionCommands };
