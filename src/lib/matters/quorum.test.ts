import { describe, expect, it } from 'vitest';
import { decisionOutcome, minimumOf, quorumOf } from './quorum.ts';

describe('quorum of a meeting', () => {
  it('needs two thirds of the representatives present (组织法第二十六条), counting 以上 inclusively', () => {
    expect(quorumOf('representatives', { expected: 30, present: 20 })).toMatchObject({ met: true, required: 20 });
    expect(quorumOf('representatives', { expected: 30, present: 19 }).met).toBe(false);
    // ⅔ of 31 is 20.67: 21 people are needed, 20 are not enough.
    expect(quorumOf('representatives', { expected: 31, present: 20 })).toMatchObject({ met: false, required: 21 });
  });

  it('needs two thirds of party members present at a 党员大会', () => {
    expect(quorumOf('party-members', { expected: 45, present: 30 }).met).toBe(true);
    expect(quorumOf('party-members', { expected: 45, present: 29 }).met).toBe(false);
  });

  it('needs strictly more than half at a village meeting', () => {
    expect(quorumOf('villagers', { expected: 100, present: 50 })).toMatchObject({ met: false, required: 51 });
    expect(quorumOf('villagers', { expected: 101, present: 51 }).met).toBe(true);
  });

  it('accepts exactly half of a party branch committee (半数以上)', () => {
    expect(quorumOf('party-branch', { expected: 6, present: 3 }).met).toBe(true);
    expect(quorumOf('party-branch', { expected: 5, present: 2 }).met).toBe(false);
  });

  it('computes minimum head counts with integer arithmetic', () => {
    expect(minimumOf(9, { num: 2, den: 3, inclusive: true })).toBe(6);
    expect(minimumOf(10, { num: 1, den: 2, inclusive: false })).toBe(6);
    expect(minimumOf(11, { num: 1, den: 2, inclusive: false })).toBe(6);
  });
});

describe('outcome of a decision', () => {
  it('passes a representatives decision with more than half of those present', () => {
    const attendance = { expected: 30, present: 24 };
    expect(decisionOutcome('representatives', attendance, { for: 13, against: 11, abstain: 0 })).toEqual({
      kind: 'passed',
      needed: 13,
    });
    expect(decisionOutcome('representatives', attendance, { for: 12, against: 2, abstain: 10 })?.kind).toBe('failed');
  });

  it('counts a party-members decision against everyone expected, not just those present', () => {
    const attendance = { expected: 40, present: 30 };
    // 20 of 30 present is a majority of those present but not more than half of the 40 expected.
    expect(decisionOutcome('party-members', attendance, { for: 20, against: 10, abstain: 0 })?.kind).toBe('failed');
    expect(decisionOutcome('party-members', attendance, { for: 21, against: 9, abstain: 0 })?.kind).toBe('passed');
  });

  it('decides nothing validly without a quorum, however the votes went', () => {
    expect(
      decisionOutcome('representatives', { expected: 30, present: 15 }, { for: 15, against: 0, abstain: 0 })?.kind,
    ).toBe('no-quorum');
  });

  it('has no outcome for an item that was not voted on', () => {
    expect(decisionOutcome('two-committees', { expected: 7, present: 7 }, undefined)).toBeUndefined();
  });
});
