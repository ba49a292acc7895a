// Entry of the voice engine's worker thread: teaches this thread TypeScript (tsx), then runs the
// engine. A worker does not inherit the parent's module hooks, whoever started the server.
import { tsImport } from "tsx/esm/api";

await tsImport("./engine-worker.ts", import.meta.url);
