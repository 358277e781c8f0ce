/**
 * The 三资 registers (src/schemas/register.ts): the rules that need other files (a register's file name and
 * place, a contract's 决议 among the matters and meetings), the warnings that depend on the build day (a contract
 * about to expire, an instalment past due and unpaid, a contract without 决议), and the figures the contract
 * pages show. All money in integer 分. Pure, browser-safe (the CMS runs these rules through the content gate).
 */
import type { Register } from '../../schemas/register.ts';
import { daysBetween } from '../site/dates.ts';
import { formatFen, toFen } from './finance.ts';
import type { ContentError } from '../content/friendly-errors.ts';
import { missingReference } from '../content/friendly-errors.ts';

/** Days before its end from which a contract is shown and warned about as 即将到期. */
const EXPIRY_WARNING_DAYS = 90;

export interface RegisterEntry {
  id: string;
  file: string;
  data: Pick<Register, 'place'> & Partial<Pick<Register, 'contracts'>>;
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

/** A matter or meeting a contract may name as its 决议: its id and place. */
export interface DecisionRef {
  id: string;
  data: { place: string };
}

function problem(entry: RegisterEntry, path: PropertyKey[], label: string, message: string, fix: string) {
  const e: ContentError = { file: entry.file, field: path.map(String).join('.'), label, message, fix };
  const line = entry.lineOf?.(path);
  if (line !== undefined) e.line = line;
  return e;
}

/**
 * Errors of the registers against the other files: file name = place, and each contract's `approvedBy` names a
 * matter or meeting of the same place. With `unknownReferencesAllowed` (the CMS on a partial context) a 决议 that
 * cannot be found is not refused; one of another place still is.
 */
export function registerRuleErrors(
  registers: readonly RegisterEntry[],
  matters: readonly DecisionRef[],
  meetings: readonly DecisionRef[],
  options: { unknownReferencesAllowed?: boolean } = {},
): ContentError[] {
  const errors: ContentError[] = [];
  const decisions = new Map<string, { kind: string; place: string }>();
  for (const m of meetings) decisions.set(m.id, { kind: '会议纪要', place: m.data.place });
  for (const m of matters) decisions.set(m.id, { kind: '事项', place: m.data.place });
  for (const register of registers) {
    const { place } = register.data;
    if (register.id !== '' && register.id !== place) {
      errors.push(
        problem(
          register,
          ['place'],
          '村/社区',
          `文件名“${register.id}”与村/社区“${place}”不一致`,
          `把文件改名为 ${place}.json，或改正文件中的村/社区`,
        ),
      );
    }
    register.data.contracts?.forEach((c, i) => {
      if (c.approvedBy === undefined) return;
      const found = decisions.get(c.approvedBy);
      if (found === undefined) {
        if (options.unknownReferencesAllowed === true) return;
        errors.push(
          missingReference(
            problem(
              register,
              ['contracts', i, 'approvedBy'],
              '合同 › 决议',
              `找不到事项或会议纪要“${c.approvedBy}”`,
              '填写批准本合同的事项编号（content/matters 中的文件名）或会议纪要文件名（content/meetings 中，不含 .md）',
            ),
            ['matters', 'meetings'],
            c.approvedBy,
          ),
        );
      } else if (found.place !== place) {
        errors.push(
          problem(
            register,
            ['contracts', i, 'approvedBy'],
            '合同 › 决议',
            `${found.kind}“${c.approvedBy}”属于 ${found.place}，不是 ${place}`,
            '合同只能由本村/社区的村民（代表）会议决议批准：填写本村/社区的事项或会议纪要',
          ),
        );
      }
    });
  }
  return errors;
}

type ContractLike = Pick<Register['contracts'][number], 'end' | 'amount' | 'plan' | 'payments' | 'approvedBy'>;

/** What a contract stands at on `today`, in 分. */
export interface ContractStatus {
  amountFen: number;
  /** Payments made up to today. */
  paidFen: number;
  /** Instalments due before today, added up. */
  dueFen: number;
  /** Due and not paid: max(0, dueFen − paidFen). */
  overdueFen: number;
  /** Index of the first instalment not covered by what was paid, when something is overdue. */
  firstUnpaid?: number;
  /** Due day of the last instalment before today. */
  lastDue?: string;
  /** Days left until the end day, when the contract has not ended and ends within EXPIRY_WARNING_DAYS. */
  expiresInDays?: number;
  ended: boolean;
  noDecision: boolean;
}

export function contractStatus(contract: ContractLike, today: string): ContractStatus {
  const paidFen = contract.payments.filter((p) => p.date <= today).reduce((s, p) => s + (toFen(p.amount) ?? 0), 0);
  const plan = [...contract.plan.entries()].sort((a, b) => (a[1].due < b[1].due ? -1 : a[1].due > b[1].due ? 1 : 0));
  let dueFen = 0;
  let firstUnpaid: number | undefined;
  let lastDue: string | undefined;
  for (const [index, instalment] of plan) {
    if (instalment.due >= today) break;
    dueFen += toFen(instalment.amount) ?? 0;
    lastDue = instalment.due;
    if (firstUnpaid === undefined && dueFen > paidFen) firstUnpaid = index;
  }
  const status: ContractStatus = {
    amountFen: toFen(contract.amount) ?? 0,
    paidFen,
    dueFen,
    overdueFen: Math.max(0, dueFen - paidFen),
    ended: contract.end < today,
    noDecision: contract.approvedBy === undefined,
  };
  if (firstUnpaid !== undefined) status.firstUnpaid = firstUnpaid;
  if (lastDue !== undefined) status.lastDue = lastDue;
  const left = daysBetween(today, contract.end);
  if (left >= 0 && left <= EXPIRY_WARNING_DAYS) status.expiresInDays = left;
  return status;
}

/** Warnings (printed, the build goes on): expiring contracts, instalments past due and unpaid, no 决议. */
export function registerWarnings(registers: readonly RegisterEntry[], today: string): ContentError[] {
  const warnings: ContentError[] = [];
  for (const register of registers) {
    register.data.contracts?.forEach((c, i) => {
      const s = contractStatus(c, today);
      const name = `合同 ${c.id}（${c.counterparty}）`;
      if (s.expiresInDays !== undefined) {
        warnings.push(
          problem(
            register,
            ['contracts', i, 'end'],
            '合同 › 终止日期',
            `${name}将于 ${c.end} 到期（还有 ${s.expiresInDays} 天）`,
            '到期前按程序决定续签、重新发包或收回；续签的合同经决议后录入新合同',
          ),
        );
      }
      if (s.firstUnpaid !== undefined) {
        const instalment = c.plan[s.firstUnpaid]!;
        warnings.push(
          problem(
            register,
            ['contracts', i, 'plan', s.firstUnpaid],
            '合同 › 付款计划',
            `${name}按付款计划截至 ${s.lastDue ?? instalment.due} 应累计付 ${formatFen(s.dueFen)} 元，已付 ${formatFen(s.paidFen)} 元，逾期未付 ${formatFen(s.overdueFen)} 元（从 ${instalment.due} 那一期起）`,
            '催收欠款；已经付了的，把这笔款补记到“已付款项”',
          ),
        );
      }
      if (s.noDecision) {
        warnings.push(
          problem(
            register,
            ['contracts', i, 'approvedBy'],
            '合同 › 决议',
            `${name}没有填写决议`,
            '填写批准本合同的事项或会议纪要；没有经过村民（代表）会议决议的，按四议两公开补办',
          ),
        );
      }
    });
  }
  return warnings;
}
