// Colyseus' reconnection code reads a global WebSocket, which Node 20 lacks (see server/main.ts).
import { WebSocket } from "ws";

globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;
