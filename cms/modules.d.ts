// Modules without type declarations of their own, used by the admin entry point.
declare module 'decap-cms-locales' {
  /** Decap's Simplified Chinese phrases (cms/locale.ts merges our corrections over them). */
  export const zh_Hans: Record<string, unknown>;
}
