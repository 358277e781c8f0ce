/**
 * Revision log of statistics records: what changed between two committed versions of a stats file, field by field
 * ("demands.resolved 39 → 41"). A value that existed before and changed or disappeared is a revision (修订); a field
 * that appears for the first time (e.g. the optional closed-loop detail filled in later) is an addition (补充), not
 * a correction of a published figure. Pure: takes texts, returns changes.
 */

export interface FieldChange {
  /** Dotted path, e.g. demands.resolved, closedLoop.units.0.late. */
  field: string;
  /** Old and new values as text; undefined = absent. */
  before: string | undefined;
  after: string | undefined;
}

export interface Revision {
  /** Day of the commit that made the change, YYYY-MM-DD. */
  date: string;
  commit: string;
  /** Existing values changed or removed. */
  revised: FieldChange[];
  /** Fields filled in for the first time. */
  added: FieldChange[];
}

function leaves(value: unknown, prefix: string, into: Map<string, string>): void {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) leaves(child, prefix === '' ? key : `${prefix}.${key}`, into);
  } else if (value !== undefined) {
    into.set(prefix, String(value));
  }
}

/** Field-level differences between two versions of a JSON record (unparseable text counts as empty). */
export function diffRecords(beforeText: string, afterText: string): { revised: FieldChange[]; added: FieldChange[] } {
  const parse = (text: string) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return {};
    }
  };
  const before = new Map<string, string>();
  const after = new Map<string, string>();
  leaves(parse(beforeText), '', before);
  leaves(parse(afterText), '', after);
  const revised: FieldChange[] = [];
  const added: FieldChange[] = [];
  for (const [field, old] of before) {
    const now = after.get(field);
    if (now !== old) revised.push({ field, before: old, after: now });
  }
  for (const [field, now] of after) if (!before.has(field)) added.push({ field, before: undefined, after: now });
  return { revised, added };
}

/**
 * The revisions of one file from its versions, oldest first. `versions` are newest first, as git lists them
 * (date, commit, text); versions git could not give are skipped.
 */
export function revisionsOf(
  versions: readonly { date: string; commit: string; text: string | undefined }[],
): Revision[] {
  const known = [...versions]
    .reverse()
    .filter((v): v is { date: string; commit: string; text: string } => v.text !== undefined);
  const revisions: Revision[] = [];
  for (let i = 1; i < known.length; i++) {
    const previous = known[i - 1]!;
    const current = known[i]!;
    const { revised, added } = diffRecords(previous.text, current.text);
    if (revised.length > 0 || added.length > 0)
      revisions.push({ date: current.date, commit: current.commit, revised, added });
  }
  return revisions;
}

/** "demands.resolved：39 → 41", "note：（无）→ 本月起…". */
export function describeChange(change: FieldChange, label = change.field): string {
  return `${label}：${change.before ?? '（无）'} → ${change.after ?? '（删除）'}`;
}
