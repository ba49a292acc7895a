import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { tsImport } from "tsx/esm/api";
import type { Plugin } from "vite";

const PREFIX = "virtual:yhteistila/strings/";
const LANGUAGES = ["en", "fi", "sv"];

/**
 * One chunk per language. shared/i18n keeps the three languages side by side in each capability's file,
 * which a bundler cannot split; so in the browser build the catalog module is replaced by
 * client/i18n/strings.ts, which fetches `virtual:yhteistila/strings/<locale>`: the real catalog,
 * evaluated here at build time, reduced to that one language. The server and the tests use the
 * real catalog unchanged.
 */
export function stringsPerLanguage(): Plugin {
  let i18nDir = "";
  let catalogFile = "";
  let standIn = "";
  return {
    name: "yhteistila:strings-per-language",
    enforce: "pre",
    configResolved(config) {
      i18nDir = resolve(config.root, "../shared/i18n");
      catalogFile = join(i18nDir, "catalog.ts");
      standIn = resolve(config.root, "i18n/strings.ts");
    },
    async resolveId(source, importer) {
      if (source.startsWith(PREFIX)) return `\0${source}`;
      if (!importer || importer === standIn || !/catalog(\.ts)?$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved?.id === catalogFile ? standIn : null;
    },
    async load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null;
      const locale = id.slice(PREFIX.length + 1);
      if (!LANGUAGES.includes(locale)) this.error(`no such language: ${locale}`);
      for (const name of readdirSync(i18nDir)) this.addWatchFile(join(i18nDir, name));
      // tsImport loads afresh on each call, so the development server picks up edited strings.
      const { catalog } = (await tsImport(catalogFile, import.meta.url)) as {
        catalog: Record<string, Record<string, string>>;
      };
      // JSON.parse of a string literal is parsed faster by browsers than the same object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(catalog[locale]))});`;
    },
  };
}
