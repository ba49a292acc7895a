import type * as PdfJs from "pdfjs-dist";
import type { PDFDocumentProxy } from "pdfjs-dist";

/**
 * pdf.js, loaded only when a PDF is shown, with its worker, character maps, fonts and decoders all
 * served by this server (see server/app.ts): nothing is fetched from anywhere else.
 */
let library: Promise<typeof PdfJs> | undefined;

function pdfjs(): Promise<typeof PdfJs> {
  library ??= Promise.all([import("pdfjs-dist"), import("pdfjs-dist/build/pdf.worker.min.mjs?url")]).then(
    ([lib, worker]) => {
      lib.GlobalWorkerOptions.workerSrc = worker.default;
      return lib;
    },
  );
  return library;
}

const documents = new Map<string, Promise<PDFDocumentProxy>>();

export function loadPdf(url: string): Promise<PDFDocumentProxy> {
  let document = documents.get(url);
  if (!document) {
    document = pdfjs().then(
      (lib) =>
        lib.getDocument({
          url,
          cMapUrl: "/pdfjs/cmaps/",
          cMapPacked: true,
          standardFontDataUrl: "/pdfjs/standard_fonts/",
          wasmUrl: "/pdfjs/wasm/",
          iccUrl: "/pdfjs/iccs/",
          isEvalSupported: false,
        }).promise,
    );
    documents.set(url, document);
    document.catch(() => documents.delete(url));
  }
  return document;
}

/** Draws one page into a new canvas at most `maxSide` pixels wide or tall. */
export async function renderPdfPage(url: string, pageNumber: number, maxSide: number): Promise<HTMLCanvasElement> {
  const document = await loadPdf(url);
  const page = await document.getPage(Math.min(Math.max(1, pageNumber), document.numPages));
  const base = page.getViewport({ scale: 1 });
  const scale = maxSide / Math.max(base.width, base.height);
  const viewport = page.getViewport({ scale });
  const canvas = globalThis.document.createElement("canvas");
  canvas.width = Math.round(viewport.width);
  canvas.height = Math.round(viewport.height);
  await page.render({ canvas, viewport }).promise;
  return canvas;
}
