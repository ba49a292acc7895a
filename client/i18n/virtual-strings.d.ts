/** One language's translation table, made at build time by client/i18n/build-plugin.ts. */
declare module "virtual:yhteistila/strings/*" {
  const table: Record<string, string>;
  export default table;
}
