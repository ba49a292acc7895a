import type { RoomModule } from "../session/module";
import { peopleCommands } from "./commands";

export const peopleModule: RoomModule = { name: "people", commands: peopleCommands };
