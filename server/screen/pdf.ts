/**
 * Reads a PDF with pdf.js on the server, only to count its pages and to refuse a file that claims
 * to be a PDF but cannot be opened as one. Scripts, fonts and rendering stay off.
 */
export async function pdfPageCount(bytes: Uint8Array, timeoutMs = 30_000): Promise<number | undefined> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
  });
  const timer = setTimeout(() => void task.destroy(), timeoutMs);
  try {
    const document = await task.promise;
    const pages = document.numPages;
    await document.destroy();
    return pages;
  } catch (error) {
    console.error("screen: a PDF could not be opened:", error instanceof Error ? error.message.slice(0, 200) : error);
    return undefined;
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}
