import express, { type Router } from "express";
import type { UploadResponse } from "../../shared/protocol";
import {
  SCREEN_FILE_MAX_BYTES,
  SCREEN_FILE_TYPES,
  SCREEN_FILES_MAX,
  SCREEN_IMAGE_MAX_SIDE,
  SCREEN_PDF_MAX_PAGES,
  cleanFileName,
  imageSize,
  isScreenMime,
  sniffScreenMime,
  type ScreenMime,
} from "../../shared/screen/files";
import { normaliseSessionCode } from "../../shared/protocol";
import { KeyedRateLimiter } from "../commands/rate-limit";
import { facilitatorGate } from "../http/facilitator-auth";
import { newDocId } from "../boards/runtime";
import type { SessionServices } from "../session/services";
import { tellSessionRoom } from "../scaleout/room-calls";
import { pdfPageCount } from "./pdf";
import { screenFileRecord, type ScreenFile } from "./records";

type Verdict = { ok: true; width: number; height: number; pages: number } | { ok: false };

/** Checks that the bytes are what the upload says they are, and sane enough to show. */
export async function inspectUpload(mime: ScreenMime, bytes: Uint8Array): Promise<Verdict> {
  if (sniffScreenMime(bytes) !== mime) return { ok: false };
  if (SCREEN_FILE_TYPES[mime].kind === "pdf") {
    const pages = await pdfPageCount(bytes);
    if (!pages || pages > SCREEN_PDF_MAX_PAGES) return { ok: false };
    return { ok: true, width: 0, height: 0, pages };
  }
  const size = imageSize(mime, bytes);
  if (!size || size.width < 1 || size.height < 1) return { ok: false };
  if (size.width > SCREEN_IMAGE_MAX_SIDE || size.height > SCREEN_IMAGE_MAX_SIDE) return { ok: false };
  return { ok: true, ...size, pages: 1 };
}

/**
 * Uploads to the stage screen go over HTTP (a WebSocket message is at most 16 KiB):
 * `POST /api/sessions/:code/files` with the facilitator secret, the file as the body, its type as
 * `Content-Type` and its name in `X-File-Name` (URI-encoded). Files are served back to anyone in the
 * session by id (72 random bits), with headers that stop a browser from running anything in them.
 */
export function screenRoutes(services: SessionServices): Router {
  const router = express.Router();
  const gate = facilitatorGate(services);
  const uploads = new KeyedRateLimiter({ perSecond: 1, burst: 10 });
  const downloads = new KeyedRateLimiter({ perSecond: 20, burst: 60 });

  router.post(
    "/api/sessions/:code/files",
    async (req, res, next) => {
      // Identity and type first, so an unauthorised or wrong upload is refused before its body is read.
      const check = await gate(req);
      if (!check.ok) {
        res.status(check.status).json({ error: check.error });
        return;
      }
      const type = (req.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
      if (!isScreenMime(type)) {
        res.status(415).json({ error: "upload_type" });
        return;
      }
      const declared = Number(req.get("content-length") ?? "0");
      if (declared > SCREEN_FILE_MAX_BYTES) {
        res.status(413).json({ error: "upload_too_large" });
        return;
      }
      if (!uploads.allow(check.session.code, services.now())) {
        res.status(429).json({ error: "rate_limited" });
        return;
      }
      res.locals.session = check.session;
      res.locals.mime = type;
      next();
    },
    express.raw({ type: () => true, limit: SCREEN_FILE_MAX_BYTES }),
    async (req, res) => {
      const code = (res.locals.session as { code: string }).code;
      const mime = res.locals.mime as ScreenMime;
      const bytes = req.body instanceof Buffer ? new Uint8Array(req.body) : new Uint8Array();
      const existing = (await services.store.loadRecords(code)).filter((r) => r.kind === screenFileRecord.kind);
      if (existing.length >= SCREEN_FILES_MAX) {
        res.status(409).json({ error: "note_limit" });
        return;
      }
      const verdict = await inspectUpload(mime, bytes);
      if (!verdict.ok) {
        res.status(415).json({ error: "upload_type" });
        return;
      }
      let name = "";
      try {
        name = cleanFileName(decodeURIComponent(req.get("x-file-name") ?? ""));
      } catch {
        name = "";
      }
      const now = services.now();
      const file: ScreenFile = {
        id: newDocId(),
        name: name || `upload.${SCREEN_FILE_TYPES[mime].ext}`,
        mime,
        size: bytes.length,
        width: verdict.width,
        height: verdict.height,
        pages: verdict.pages,
        createdAt: now,
      };
      // Bytes first, then the row that points at them: a crash in between leaves no row without a file.
      await services.store.putFile(code, file.id, bytes);
      await services.store.saveRecord(code, screenFileRecord.encode(file.id, file, now));
      await tellSessionRoom(services, code, { kind: "screen.fileAdded", file });
      const body: UploadResponse = { fileId: file.id, kind: SCREEN_FILE_TYPES[mime].kind, pages: file.pages };
      res.status(201).set("Cache-Control", "no-store").json(body);
    },
  );

  router.get("/api/sessions/:code/files/:id", async (req, res) => {
    if (!downloads.allow(req.ip ?? "", services.now())) {
      res.status(429).json({ error: "rate_limited" });
      return;
    }
    const code = normaliseSessionCode(String(req.params.code));
    const id = String(req.params.id);
    const record = /^[A-Za-z0-9_-]{1,32}$/.test(id)
      ? await services.store.getRecord(code, screenFileRecord.kind, id).catch(() => undefined)
      : undefined;
    const bytes = record ? await services.store.getFile(code, id) : undefined;
    if (!record || !bytes) {
      res.status(404).json({ error: "not_found" });
      return;
    }
    const file = screenFileRecord.decode(record);
    res
      .status(200)
      .set({
        "Content-Type": file.mime,
        "Content-Disposition": "inline",
        "Cache-Control": "private, max-age=86400, immutable",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cross-Origin-Resource-Policy": "same-origin",
      })
      .send(Buffer.from(bytes));
  });

  // A body over the limit ends here with our error code rather than Express' HTML page.
  router.use(
    "/api/sessions/:code/files",
    (
      error: { type?: string; status?: number },
      _req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      if (error?.type === "entity.too.large") res.status(413).json({ error: "upload_too_large" });
      else next(error);
    },
  );
  return router;
}
