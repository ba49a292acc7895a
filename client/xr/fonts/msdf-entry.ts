/**
 * Runs in a blank headless Chromium page (see generate-msdf.ts): uikit's own TTF loader turns our TTF
 * fonts into signed-distance atlases. In the product this would need a worker with 'unsafe-eval',
 * which our Content-Security-Policy forbids, so the atlases are made once here and served as files.
 */
import { TTFLoader } from "@pmndrs/uikit";

declare global {
  interface Window {
    generateMsdf(
      fonts: { url: string; charset: string; fontSize: number; textureSize: [number, number] }[],
    ): Promise<unknown>;
  }
}

window.generateMsdf = (fonts) => new TTFLoader().loadAsync(fonts);
