/**
 * The one "today" of a build. `npm run build` (scripts/build.ts) reads the clock once, before any step, and hands
 * the day and the instant to every step and process through GONGKAILAN_TODAY / GONGKAILAN_BUILT_AT: a build that
 * runs across midnight in China (or a second process started a minute later) cannot see two different days.
 * `astro build` run alone has no such variables and reads the clock itself, once per process.
 */
import { buildToday } from '../site/dates.ts';

const TODAY_ENV = 'GONGKAILAN_TODAY';
const BUILT_AT_ENV = 'GONGKAILAN_BUILT_AT';

export interface BuildClock {
  /** YYYY-MM-DD in Asia/Shanghai. */
  today: string;
  /** The instant the build started. */
  builtAt: Date;
  /** BUILD_DATE as the maintainer gave it, when set (for the build report). */
  buildDate?: string;
}

/** The build's clock: the one handed down by scripts/build.ts, or else BUILD_DATE / the machine clock. */
export function buildClock(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): BuildClock {
  const given = env[BUILT_AT_ENV];
  const builtAt = given !== undefined && given !== '' ? new Date(given) : now;
  if (Number.isNaN(builtAt.getTime())) throw new Error(`${BUILT_AT_ENV}="${given ?? ''}" is not an ISO 8601 instant`);
  const handedDown = env[TODAY_ENV];
  if (handedDown !== undefined && handedDown !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(handedDown)) {
    throw new Error(`${TODAY_ENV}="${handedDown}" is not a day (YYYY-MM-DD)`);
  }
  const today = handedDown !== undefined && handedDown !== '' ? handedDown : buildToday(env.BUILD_DATE, builtAt);
  const clock: BuildClock = { today, builtAt };
  if (env.BUILD_DATE !== undefined && env.BUILD_DATE.trim() !== '') clock.buildDate = env.BUILD_DATE;
  return clock;
}

/** The variables that hand `clock` to another step or process. */
export function clockEnv(clock: BuildClock): Record<string, string> {
  return { [TODAY_ENV]: clock.today, [BUILT_AT_ENV]: clock.builtAt.toISOString() };
}
