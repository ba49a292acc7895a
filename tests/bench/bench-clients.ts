/**
 * The crowd: many simulated participants in one process, away from the server's process and from
 * the latency probe. Started by server.bench.ts and driven over IPC.
 */
import { poseTable } from "../support/poses";
import { mulberry32 } from "../../shared/random";
import { cpuSample, exitWithParent, tellParent, watchStateProblems, type ClientsRequest } from "./ipc";
import { mapLimited, Walker, zeroCounters } from "./walker";

exitWithParent();
watchStateProblems();
const walkers: Walker[] = [];

async function join(request: Extract<ClientsRequest, { type: "join" }>): Promise<void> {
  const indices = Array.from({ length: request.count }, (_, i) => request.firstIndex + i);
  const results = await mapLimited(indices, 8, async (index) => {
    // One generator per person, so the crowd is the same whatever order the joins complete in.
    const random = mulberry32(request.seed + index);
    const walker = await Walker.join(request.baseUrl, request.code, `Bench ${index}`, random);
    if (!request.decodeState) walker.stopDecoding();
    walker.start();
    return walker;
  });
  const failures: string[] = [];
  for (const result of results) {
    if (result instanceof Error) failures.push(result.message);
    else walkers.push(result);
  }
  tellParent({ type: "joined", joined: walkers.length, failures: failures.slice(0, 5) });
}

process.on("message", (request: ClientsRequest) => {
  switch (request.type) {
    case "join":
      void join(request);
      break;
    case "reset":
      for (const walker of walkers) walker.counters = zeroCounters();
      tellParent({ type: "reset", cpu: cpuSample() });
      break;
    case "report":
      tellParent({
        type: "report",
        perClient: walkers.map((w) => ({ ...w.counters })),
        // Only walkers that still decode know it (none with --lean-crowd).
        fullPosesHeld: walkers.flatMap((w) => poseTable(w.room)?.size ?? []),
        closedUnexpectedly: walkers.filter((w) => w.closedUnexpectedly).length,
        cpu: cpuSample(),
      });
      break;
    case "stop":
      void Promise.all(walkers.map((w) => w.leave())).finally(() => {
        tellParent({ type: "stopped" });
        process.exit(0);
      });
      break;
  }
});
