/**
 * The heap limit of the Astro step of `npm run build` (scripts/build.ts), from GONGKAILAN_BUILD_HEAP_MB.
 *
 * Node sizes its heap limit from the machine's memory, and grows the heap up to it before collecting hard: on a
 * large machine the Astro step of a 10k-entry rebuild peaked anywhere between 1.8 and 2.3 GB from run to run, and
 * at 1.7 GB with a 1,536 MB limit (docs/performance.md). A server that must keep the build under a memory budget sets
 * the limit; a limit below what the build really needs stops it with "heap out of memory" (the live site is kept).
 */
export const BUILD_HEAP_ENV = 'GONGKAILAN_BUILD_HEAP_MB';

/** Below this the Astro step cannot even load the demo. */
const MINIMUM_MB = 512;

/** Node options for the Astro step: none when the variable is unset; a clear error when it is not a number of MB. */
export function astroHeapArgs(env: NodeJS.ProcessEnv): string[] {
  const value = env[BUILD_HEAP_ENV]?.trim();
  if (value === undefined || value === '') return [];
  if (!/^\d+$/.test(value) || Number(value) < MINIMUM_MB) {
    throw new Error(
      `${BUILD_HEAP_ENV}="${value}" 无效：应为 Astro 构建步骤可用的内存上限（MB，整数，至少 ${MINIMUM_MB}），例如 1536；不设则由 Node 自行决定。`,
    );
  }
  return [`--max-old-space-size=${value}`];
}
