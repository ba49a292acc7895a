import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";

/**
 * The real server as its own process (`tsx server/main.ts`), so a test can kill it with SIGKILL
 * like a power cut, and start it again on the same data folder.
 */
export interface ChildServer {
  process: ChildProcess;
  baseUrl: string;
  output(): string;
  kill(): Promise<void>;
}

export async function startChildServer(options: {
  port: number;
  dataDir: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  /** The command line, when a test runs the server as a deployment file says (default: node --import tsx server/main.ts). */
  command?: readonly string[];
}): Promise<ChildServer> {
  const [program, ...args] = options.command ?? [process.execPath, "--import", "tsx", "server/main.ts"];
  const child = spawn(program!, args, {
    cwd: process.cwd(),
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: "127.0.0.1",
      DATA_DIR: options.dataDir,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (!output.includes("Yhteistila is running")) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not start in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    process: child,
    baseUrl: `http://127.0.0.1:${options.port}`,
    output: () => output,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGKILL");
      await exited;
    },
  };
}
