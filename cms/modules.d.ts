// Modules without type declarations of their own, used by the admin entry point.
declare module 'decap-cms-locales' {
  /** Decap's Simplified Chinese phrases (cms/locale.ts merges our corrections over them). */
  export const zh_Hans: Record<string, unknown>;
}
// @vitejs/plugin-react's virtual module: React Fast Refresh's preamble in `astro dev`, empty in a build.
declare module '@vitejs/plugin-react/preamble';
