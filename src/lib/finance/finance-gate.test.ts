/**
 * The finance rules on the CMS path: a ledger being saved is checked against the other months in the gate
 * context (which carries their balances, not their lines), so a save that breaks the chain is refused before it
 * reaches git, with the same message the build gives.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseContentFile } from '../content/content-files.ts';
import { checkEntry, gateContext, parseContent, type GateEntry } from '../content/content-gate.ts';

const DIR = 'tests/fixtures/finance-invalid';

function entry(collection: 'finance' | 'places' | 'site', name: string, id = name): GateEntry {
  const file = collection === 'site' ? `${DIR}/site.json` : `${DIR}/${collection}/${name}.json`;
  const parsed = parseContentFile(collection, readFileSync(file, 'utf8'), file, collection === 'site' ? 'site' : id);
  if ('error' in parsed) throw new Error(parsed.error.message);
  return parsed.entry;
}

describe('finance rules in the CMS save check', () => {
  const others = [
    entry('site', 'site'),
    ...['ceshi', 'dongcun'].map((p) => entry('places', p)),
    entry('finance', 'dongcun-2026-08'),
  ];
  const context = gateContext(parseContent(others), '2026-11-24');

  it('sends the other months’ balances but not their lines', () => {
    const august = context.entries.find((e) => e.id === 'dongcun-2026-08');
    expect(august?.data).toEqual({
      place: 'dongcun',
      month: '2026-08',
      openingBalance: 52310.4,
      closingBalance: 75060.55,
    });
  });

  it('refuses a new month whose opening balance is not last month’s closing balance, and one that does not add up', () => {
    const september = { ...entry('finance', 'dongcun-2026-09'), id: '' };
    const messages = checkEntry(september, context).map((e) => `${e.field}: ${e.message}`);
    expect(messages).toEqual([
      'expense.1.voucher: 凭证号“记-002”与支出明细第 1 笔重复',
      'closingBalance: 期初余额 75,060.55 元 + 收入合计 6,500.00 元 − 支出合计 599.20 元 = 80,961.35 元，与期末余额 80,961.45 元相差 0.10 元',
    ]);
    const wrongOpening = { ...september, data: { ...(september.data as object), openingBalance: 75000 } };
    expect(checkEntry(wrongOpening, context).map((e) => e.message)).toContain(
      '期初余额 75,000.00 元与上月（2026-08）期末余额 75,060.55 元不一致',
    );
  });
});
