import type { RequestHandler } from "express";

/**
 * The page may load nothing from any other host: a Content-Security-Policy of 'self' makes the
 * browser enforce what the product promises (no CDN, no external fonts, no analytics).
 * `blob:` scripts and workers are the text renderer's typesetting worker (only same-origin code can
 * create blob URLs); `unsafe-inline` styles are React's style props.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // 'self' covers ws:/wss: to this same host (CSP Level 3); no other host is reachable.
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "media-src 'self' blob: mediastream:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), geolocation=(), microphone=(self), xr-spatial-tracking=(self)",
    "Cross-Origin-Opener-Policy": "same-origin",
  });
  next();
};
