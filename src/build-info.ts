/**
 * Facts about this build, computed once: the day it is "today" in Asia/Shanghai (BUILD_DATE overrides it) and
 * the instant the build ran. Every page filters and labels content with these, never with `new Date()`.
 */
import { buildClock } from './lib/build/build-clock.ts';

// scripts/build.ts hands down the day and instant it read once (src/lib/build/build-clock.ts).
const clock = buildClock();
export const BUILT_AT = clock.builtAt;
export const TODAY = clock.today;

/** The build instant as residents read it ("2026年11月24日 00:10"), formatted once: every page's footer shows it. */
export const BUILT_AT_TEXT = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'long',
  timeStyle: 'short',
}).format(BUILT_AT);
