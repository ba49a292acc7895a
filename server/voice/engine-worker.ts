// The embedded voice engine's own thread: media packets are forwarded here, so a busy room never
// delays a voice packet and a burst of packets never delays the room's messages.
import { parentPort, workerData } from "node:worker_threads";
import type { VoiceConfig } from "./config";
import type { EngineRequest, EngineEvent } from "./worker-engine";
import { WeriftVoiceEngine } from "./werift-engine";

const port = parentPort!;
const post = (event: EngineEvent) => port.postMessage(event);

const engine = new WeriftVoiceEngine(workerData as VoiceConfig, {
  signal: (id, message) => post({ type: "signal", id, message }),
  connection: (id, connected) => post({ type: "connection", id, connected }),
});

port.on("message", async (request: EngineRequest) => {
  try {
    switch (request.op) {
      case "join":
        await engine.join(request.id);
        break;
      case "answer":
        await engine.answer(request.id, request.generation, request.sdp);
        break;
      case "leave":
        engine.leave(request.id);
        break;
      case "setHearing":
        engine.setHearing(request.id, request.speakers);
        break;
      case "setBroadcaster":
        engine.setBroadcaster(request.id);
        break;
      case "stats":
        post({ type: "reply", requestId: request.requestId, stats: await engine.stats() });
        return;
      case "speech":
        // A Map crosses the thread boundary as is (structured clone).
        post({ type: "reply", requestId: request.requestId, speech: await engine.speech() });
        return;
      case "close":
        await engine.close();
        break;
    }
    if ("requestId" in request) post({ type: "reply", requestId: request.requestId });
  } catch (error) {
    if ("requestId" in request) {
      post({ type: "reply", requestId: request.requestId, error: error instanceof Error ? error.message : "failed" });
    }
  }
});
