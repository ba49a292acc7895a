import { createServer, type Server as HttpServer } from "node:http";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { createRequire } from "node:module";
import { defineRoom, defineServer, type Server } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import express, { type Application } from "express";
import { MAX_MESSAGE_BYTES, MAX_PEOPLE, SESSION_ROOM } from "../shared/protocol";
import { SessionRoom, type SessionRoomOptions } from "./session/room";
import { sessionRoutes } from "./session/routes";
import { coachingRoutes } from "./coaching/routes";
import { timelineRoutes } from "./timeline/routes";
import type { SessionServices } from "./session/services";
import type { SessionStore } from "./storage/store";
import { securityHeaders } from "./http/security-headers";
import { answerSameOriginOnly } from "./http/same-origin";
import { servePrecompressed } from "./http/precompressed";
import { exportRoutes } from "./export/routes";
import { screenRoutes } from "./screen/routes";
import { retentionRoutes } from "./retention/routes";
import { accessibilityRoutes } from "./accessibility/routes";
import { startRetention } from "./retention/sweep";
import type { VoiceConfig } from "./voice/config";
import { createRoomsHere, type ScaleOut } from "./scaleout/config";

export interface AppOptions {
  port: number;
  /** Interface to listen on; all by default so phones on the LAN can join. */
  host?: string;
  store: SessionStore;
  /** Built client (vite build output); when missing, only the API and rooms are served. */
  clientDir?: string;
  reconnectSeconds?: number;
  /** Most people in one session; 500 by default (interest management keeps a session that large affordable). */
  maxPeople?: number;
  /** See SessionServices.interestManagement; on by default. */
  interestManagement?: boolean;
  now?: () => number;
  /** Delete sessions idle for this many days (unset: keep until a facilitator deletes them). */
  retentionDays?: number;
  voice?: VoiceConfig;
  /** Several processes sharing rooms through Redis (see server/scaleout); alone when unset. */
  scaleOut?: ScaleOut;
  /** Shown on the accessibility statement beside its feedback form (ACCESSIBILITY_CONTACT). */
  accessibilityContact?: string;
}

export interface RunningApp {
  gameServer: Server;
  httpServer: HttpServer;
  services: SessionServices;
  port: number;
  url: string;
  close(): Promise<void>;
}

function serveClient(app: Application, clientDir: string): void {
  if (!existsSync(join(clientDir, "index.html"))) {
    app.get("/", (_req, res) => {
      res.status(503).type("text/plain").send("The client is not built yet: run `npm run build`.");
    });
    return;
  }
  // Hashed build assets never change; the HTML shell must always be fresh.
  const immutable = "public, max-age=31536000, immutable";
  app.use("/assets", servePrecompressed(join(clientDir, "assets"), immutable));
  app.use(
    "/assets",
    express.static(join(clientDir, "assets"), { immutable: true, maxAge: "365d", fallthrough: false }),
  );
  app.use(express.static(clientDir, { index: false, maxAge: "1h" }));
  app.get(["/", "/s/:code", "/s/:code/debrief", "/accessibility"], (_req, res) => {
    res.set("Cache-Control", "no-cache").sendFile(join(clientDir, "index.html"));
  });
}

/**
 * pdf.js' character maps, standard fonts and image decoders, served from the installed package so
 * that a PDF on the screen never makes the browser look elsewhere for them.
 */
function servePdfAssets(app: Application): void {
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  for (const folder of ["cmaps", "standard_fonts", "wasm", "iccs"]) {
    app.use(`/pdfjs/${folder}`, express.static(join(root, folder), { maxAge: "7d", fallthrough: false }));
  }
}

/** Builds and starts the whole server: HTTP API, the built client and the Colyseus rooms on one port. */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const services: SessionServices = {
    store: options.store,
    now: options.now ?? Date.now,
    reconnectSeconds: options.reconnectSeconds ?? 30,
    maxPeople: options.maxPeople ?? MAX_PEOPLE,
    ...(options.interestManagement === false ? { interestManagement: false } : {}),
    rooms: new Map(),
    ...(options.voice ? { voice: options.voice } : {}),
  };
  answerSameOriginOnly();
  const httpServer = createServer();
  const transport = new WebSocketTransport({ server: httpServer, maxPayload: MAX_MESSAGE_BYTES });
  const clientDir = resolve(options.clientDir ?? "dist");

  const gameServer = defineServer({
    rooms: {
      // `code` comes from the joining client (and is the filter); `services` is ours and wins over client options.
      [SESSION_ROOM]: defineRoom(SessionRoom, { services } as SessionRoomOptions).filterBy(["code"]),
    },
    transport,
    ...(options.scaleOut
      ? {
          presence: options.scaleOut.presence,
          driver: options.scaleOut.driver,
          publicAddress: options.scaleOut.publicAddress,
          selectProcessIdToCreateRoom: createRoomsHere,
        }
      : {}),
    greet: false,
    // We close the database ourselves; Colyseus' own signal handling would race it.
    gracefullyShutdown: false,
    express: (app) => {
      app.disable("x-powered-by");
      app.set("trust proxy", "loopback");
      app.use(securityHeaders);
      app.get("/healthz", (_req, res) => {
        res.json({ ok: true });
      });
      app.use(sessionRoutes(services));
      app.use(exportRoutes(services));
      app.use(screenRoutes(services));
      app.use(retentionRoutes(services));
      app.use(coachingRoutes(services));
      app.use(timelineRoutes(services));
      app.use(accessibilityRoutes(services, options.accessibilityContact?.trim() || null));
      servePdfAssets(app);
      serveClient(app, clientDir);
    },
  });

  await gameServer.listen(options.port, options.host);
  const stopRetention = options.retentionDays ? startRetention(services, options.retentionDays) : () => undefined;
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    gameServer,
    httpServer,
    services,
    port,
    url: `http://localhost:${port}`,
    async close() {
      stopRetention();
      await gameServer.gracefullyShutdown(false);
      await options.store.close();
    },
  };
}
