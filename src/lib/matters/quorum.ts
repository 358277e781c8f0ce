/**
 * Quorum and vote rules for the meetings of 四议两公开, computed from the published attendance and votes so
 * residents need not do the arithmetic (and a clerk cannot round it their way).
 *
 * Chinese legal wording: "以上" includes the number itself (⅔以上 → at least ⅔), "过半数" means strictly more than
 * half. All comparisons use integers (present × 3 ≥ expected × 2), never floating-point fractions.
 */
import type { MeetingBody } from '../../schemas/meeting.ts';

export interface Attendance {
  /** 应到 */
  expected: number;
  /** 实到 */
  present: number;
}

export interface Votes {
  for: number;
  against: number;
  abstain: number;
}

interface Fraction {
  num: number;
  den: number;
  /** true: at least this share (以上); false: strictly more (过半数). */
  inclusive: boolean;
}

export interface MeetingRule {
  /** Share of 应到 that must be present for the meeting to be valid. */
  quorum: Fraction;
  /** Whose majority passes a decision: more than half of 实到 or of 应到. */
  passBase: 'present' | 'expected';
  /** Where the rule comes from, shown next to the result (Chinese). */
  basis: string;
}

const TWO_THIRDS: Fraction = { num: 2, den: 3, inclusive: true };
const MORE_THAN_HALF: Fraction = { num: 1, den: 2, inclusive: false };
const AT_LEAST_HALF: Fraction = { num: 1, den: 2, inclusive: true };

const MEETING_RULES: Record<MeetingBody, MeetingRule> = {
  // 村民委员会组织法 第二十六条: ⅔以上 of the representatives present; decisions by more than half of those present.
  representatives: { quorum: TWO_THIRDS, passBase: 'present', basis: '《村民委员会组织法》第二十六条' },
  // 村民委员会组织法 第二十二条: more than half of adult villagers (or ⅔ of households); more than half of those present.
  villagers: { quorum: MORE_THAN_HALF, passBase: 'present', basis: '《村民委员会组织法》第二十二条' },
  // 中国共产党支部工作条例 第十四条: ⅔以上 of members with a vote present; passed by more than half of those expected.
  'party-members': { quorum: TWO_THIRDS, passBase: 'expected', basis: '《中国共产党支部工作条例（试行）》' },
  // Branch committee: half or more of the committee present; more than half of all committee members agree.
  'party-branch': { quorum: AT_LEAST_HALF, passBase: 'expected', basis: '《中国共产党支部工作条例（试行）》' },
  // Joint meeting of the two committees and residents' councils: local rules; the common practice is a simple
  // majority present and more than half of those present agreeing.
  'two-committees': { quorum: MORE_THAN_HALF, passBase: 'present', basis: '议事规则（过半数）' },
  'residents-council': { quorum: MORE_THAN_HALF, passBase: 'present', basis: '议事规则（过半数）' },
};

/** Smallest whole number of people that satisfies `share` of `total`. */
export function minimumOf(total: number, share: Fraction): number {
  if (share.inclusive) return Math.ceil((total * share.num) / share.den);
  return Math.floor((total * share.num) / share.den) + 1;
}

export interface QuorumResult {
  met: boolean;
  /** Minimum number present for a valid meeting. */
  required: number;
  expected: number;
  present: number;
  basis: string;
}

/** Whether the meeting had enough people present to decide anything. */
export function quorumOf(body: MeetingBody, attendance: Attendance): QuorumResult {
  const rule = MEETING_RULES[body];
  const required = Math.max(1, minimumOf(attendance.expected, rule.quorum));
  return {
    met: attendance.present >= required,
    required,
    expected: attendance.expected,
    present: attendance.present,
    basis: rule.basis,
  };
}

export type DecisionOutcome =
  | { kind: 'passed'; needed: number }
  | { kind: 'failed'; needed: number }
  /** The meeting lacked a quorum: whatever the votes, nothing was validly decided. */
  | { kind: 'no-quorum'; needed: number };

/** Passed or failed, from the votes; `undefined` when the item was not put to a vote. */
export function decisionOutcome(
  body: MeetingBody,
  attendance: Attendance,
  votes: Votes | undefined,
): DecisionOutcome | undefined {
  if (votes === undefined) return undefined;
  const rule = MEETING_RULES[body];
  const base = rule.passBase === 'present' ? attendance.present : attendance.expected;
  const needed = minimumOf(base, MORE_THAN_HALF);
  if (!quorumOf(body, attendance).met) return { kind: 'no-quorum', needed };
  return { kind: votes.for >= needed ? 'passed' : 'failed', needed };
}
