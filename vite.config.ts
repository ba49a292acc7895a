import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { noXREmulator, xrInputProfiles } from "./client/xr/build-plugins";
import { precompress } from "./client/app/precompress-plugin";
import { stringsPerLanguage } from "./client/i18n/build-plugin";
import { threeCatalogueOnly } from "./client/space/build-plugin";

/** The client lives in client/, static files (fonts, models) in assets/, the build goes to dist/. */
export default defineConfig({
  root: "client",
  publicDir: "../assets",
  plugins: [react(), stringsPerLanguage(), threeCatalogueOnly(), xrInputProfiles(), noXREmulator(), precompress()],
  build: {
    outDir: "../dist",
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2500,
  },
});
