/**
 * The public record of an entry after publication (issue 18, GOV.UK model): change notes, 更新于, withdrawal,
 * and what the feeds say about them. Pure functions; the pages and feeds in src/ call them.
 *
 * - A `major` change note is a correction residents must see: a dated 更正说明 at the top of the page, the page's
 *   更新于 date, and a fresh feed item. A minor one is listed only in 修改记录.
 * - An entry without change notes falls back to git: its last commit after publication is its 更新于 (as before).
 * - A withdrawn notice keeps its page; its feed item says 已撤回 with the reason, dated the day of withdrawal.
 */
import type { FileChange } from './change-history.ts';

export interface ChangeNote {
  date: string;
  note: string;
  major: boolean;
}

export interface WithdrawalRecord {
  date: string;
  reason: string;
  supersededBy?: string | undefined;
}

const newestFirst = (a: ChangeNote, b: ChangeNote) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);

/** All change notes, newest first (the order 修改记录 shows them). */
export function changesNewestFirst(changes: readonly ChangeNote[]): ChangeNote[] {
  return [...changes].sort(newestFirst);
}

/** The major changes (更正说明), newest first. */
export function majorChanges(changes: readonly ChangeNote[]): ChangeNote[] {
  return changesNewestFirst(changes.filter((c) => c.major));
}

/**
 * The day shown as 更新于: the newest major change. With no change notes at all, the last git commit after the
 * first (the entry's file history, newest first), so entries written before change notes existed keep their date.
 * Minor changes never move it.
 */
export function lastUpdated(changes: readonly ChangeNote[], history: readonly FileChange[]): string | undefined {
  if (changes.length > 0) return majorChanges(changes)[0]?.date;
  return history.length > 1 ? history[0]?.date : undefined;
}

/** Whether a withdrawal has taken effect on `today` (a withdrawal dated later is not shown yet). */
export function isWithdrawn(withdrawn: WithdrawalRecord | undefined, today: string): withdrawn is WithdrawalRecord {
  return withdrawn !== undefined && withdrawn.date <= today;
}

export interface FeedRecord {
  /** Prefix for the item title: 【已撤回】, 【更正】 or nothing. */
  titlePrefix: string;
  /** Day the item is dated: publication, the newest major change, or the withdrawal. */
  date: string;
  /** A sentence put before the summary, saying what changed. */
  lead?: string;
  /** Changes when the item changes, so feed readers show a corrected or withdrawn item again. */
  guidSuffix: string;
}

/** How a feed item reflects the entry's record on `today`. */
export function feedRecord(
  entry: { published: string; changes: readonly ChangeNote[]; withdrawn?: WithdrawalRecord | undefined },
  today: string,
): FeedRecord {
  if (isWithdrawn(entry.withdrawn, today)) {
    const { date, reason } = entry.withdrawn;
    return { titlePrefix: '【已撤回】', date, lead: `已撤回（${date}）：${reason}`, guidSuffix: `#withdrawn-${date}` };
  }
  const major = majorChanges(entry.changes).find((c) => c.date <= today);
  if (major !== undefined) {
    return {
      titlePrefix: '【更正】',
      date: major.date,
      lead: `更正说明（${major.date}）：${major.note}`,
      guidSuffix: `#changed-${major.date}`,
    };
  }
  return { titlePrefix: '', date: entry.published, guidSuffix: '' };
}

/**
 * Git edits of a published file that no change note accounts for: commits that modified the file after its
 * publication day and after the newest change note (or the withdrawal, which explains itself). The build warns
 * about each such file, so an edit to the public record does not go unexplained. The day of publication itself is
 * free (same-day fixes); renames are the URL check's business (src/lib/record/durable-urls.ts); commits dated after the
 * build's `today` are not judged (a build for an earlier day cannot know about them).
 */
export function unnotedEdits(
  entry: { published: string; changes: readonly ChangeNote[]; withdrawn?: WithdrawalRecord | undefined },
  history: readonly FileChange[],
  today: string,
): FileChange[] {
  const explained = [changesNewestFirst(entry.changes)[0]?.date ?? '', entry.withdrawn?.date ?? ''].sort().at(-1) ?? '';
  return history.filter(
    (c) => c.kind === 'modified' && c.date > entry.published && c.date > explained && c.date <= today,
  );
}

/**
 * 索引号 of a notice, as Chinese 政务公开 catalogues print it: stable because it is derived from the notice's id
 * (its file name, which durable URLs keep): the publish year, the place code and a 6-digit checksum of the id.
 * `placeCode` is the notice's place id. Example: YUNXI-2026-048213.
 */
export function indexNumber(id: string, placeCode: string): string {
  const year = /^(\d{4})-/.exec(id)?.[1] ?? '0000';
  // FNV-1a over the id: tiny, stable across runs and platforms, no dependency.
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(id)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${placeCode.toUpperCase()}-${year}-${String(hash % 1_000_000).padStart(6, '0')}`;
}
