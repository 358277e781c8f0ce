import { describe, expect, it } from 'vitest';
import { registerSchema } from '../../schemas/register.ts';
import { checkEntry, gateContext, parseContent, type GateEntry } from '../content/content-gate.ts';
import { parseWithFriendlyErrors } from '../content/friendly-errors.ts';
import { contractStatus, registerRuleErrors, registerWarnings, type RegisterEntry } from './registers.ts';

const TODAY = '2026-11-24';

const contract = {
  id: 'DC-1',
  counterparty: '东村水产养殖专业合作社',
  subject: '东塘承包养鱼',
  start: '2025-01-01',
  end: '2027-12-31',
  amount: 9000,
  plan: [
    { due: '2025-06-30', amount: 3000 },
    { due: '2026-06-30', amount: 3000 },
    { due: '2027-06-30', amount: 3000 },
  ],
  payments: [{ date: '2025-06-28', amount: 3000 }],
  approvedBy: 'dongcun-dongtang-2024',
};

const register = (contracts: unknown[], extra: object = {}) => ({ place: 'dongcun', contracts, ...extra });

function schemaMessages(data: unknown): string[] {
  const parsed = parseWithFriendlyErrors(registerSchema, data, 'content/registers/dongcun.json');
  return parsed.ok ? [] : parsed.errors.map((e) => `${e.field}: ${e.message} | ${e.fix}`);
}

describe('register schema rules', () => {
  it('accepts a consistent register', () => {
    expect(schemaMessages(register([contract]))).toEqual([]);
  });

  it('refuses amounts that are not positive or have more than two decimals', () => {
    expect(schemaMessages(register([{ ...contract, amount: 9000.001 }]))).toEqual([
      'contracts.0.amount: 金额最多两位小数（元、角、分） | 按合同或凭证金额填写到分，如 1234.56',
    ]);
    expect(schemaMessages(register([{ ...contract, payments: [{ date: '2025-06-28', amount: 0 }] }]))).toEqual([
      'contracts.0.payments.0.amount: 金额应大于 0 | 金额只填正数，单位：元',
    ]);
  });

  it('refuses a contract that ends before it starts', () => {
    expect(schemaMessages(register([{ ...contract, end: '2024-12-31' }]))).toEqual([
      'contracts.0.end: 终止日期 2024-12-31 早于起始日期 2025-01-01 | 按合同文本核对起止日期',
    ]);
  });

  it('refuses payments above the contract amount, added up in 分 (0.10 + 0.20 is 0.30)', () => {
    const small = {
      ...contract,
      amount: 0.3,
      plan: [],
      payments: [0.1, 0.2].map((amount) => ({ date: '2025-01-02', amount })),
    };
    expect(schemaMessages(register([small]))).toEqual([]);
    expect(schemaMessages(register([{ ...small, amount: 0.29 }]))).toEqual([
      'contracts.0.payments: 已付款项合计 0.30 元，超过合同总金额 0.29 元 | 逐笔核对已付款项；合同变更增加金额的，先改正合同总金额',
    ]);
  });

  it('refuses a duplicated contract id and a resource naming a contract that is not in the register', () => {
    const resources = [{ kind: 'pond', name: '东塘', area: 12.5, location: '村东', use: '养鱼', contract: 'DC-9' }];
    expect(schemaMessages(register([contract, contract], { resources }))).toEqual([
      'contracts.1.id: 合同编号“DC-1”与第 1 份合同重复 | 每份合同一个编号：改正其中一份的编号，或删除重复录入的合同',
      'resources.0.contract: 找不到合同“DC-9” | 填写本台账中合同的编号：DC-1',
    ]);
  });

  it('refuses digits in the counterparty (an ID or bank number cannot hide there)', () => {
    expect(schemaMessages(register([{ ...contract, counterparty: '张三 6222021234567890' }]))).toEqual([
      'contracts.0.counterparty: 对方名称中不能有数字 | 只写单位全称或个人姓名，不写身份证号、银行卡号、电话',
    ]);
  });
});

const entry = (contracts: RegisterEntry['data']['contracts'], id = 'dongcun'): RegisterEntry => ({
  id,
  file: `content/registers/${id}.json`,
  data: { place: 'dongcun', contracts: contracts ?? [] },
});
const full = registerSchema.parse(register([contract])).contracts[0]!;

describe('register rules across files', () => {
  const matters = [{ id: 'dongcun-dongtang-2024', data: { place: 'dongcun' } }];
  const meetings = [{ id: '2026-10-01-xicun-hetong', data: { place: 'xicun' } }];
  const messages = (e: RegisterEntry, options = {}) =>
    registerRuleErrors([e], matters, meetings, options).map((x) => `${x.field}: ${x.message}`);

  it('accepts a 决议 of the same place', () => {
    expect(messages(entry([full]))).toEqual([]);
  });

  it('refuses a 决议 that does not exist (unless the CMS context may be incomplete) or belongs to another place', () => {
    expect(messages(entry([{ ...full, approvedBy: 'dongcun-x' }]))).toEqual([
      'contracts.0.approvedBy: 找不到事项或会议纪要“dongcun-x”',
    ]);
    expect(messages(entry([{ ...full, approvedBy: 'dongcun-x' }]), { unknownReferencesAllowed: true })).toEqual([]);
    expect(messages(entry([{ ...full, approvedBy: '2026-10-01-xicun-hetong' }]))).toEqual([
      'contracts.0.approvedBy: 会议纪要“2026-10-01-xicun-hetong”属于 xicun，不是 dongcun',
    ]);
  });

  it('refuses a file not named after its place', () => {
    expect(messages(entry([full], 'dongcun-2026'))).toEqual(['place: 文件名“dongcun-2026”与村/社区“dongcun”不一致']);
  });
});

describe('register warnings and contract status', () => {
  it('compares cumulative paid with cumulative due, in 分', () => {
    expect(contractStatus(full, TODAY)).toEqual({
      amountFen: 900000,
      paidFen: 300000,
      dueFen: 600000,
      overdueFen: 300000,
      firstUnpaid: 1,
      lastDue: '2026-06-30',
      ended: false,
      noDecision: false,
    });
    const paidLate = { ...full, payments: [{ date: '2026-07-02', amount: 6000 }] };
    expect(contractStatus(paidLate, TODAY).overdueFen).toBe(0);
  });

  it('warns of a contract ending within 90 days, an unpaid instalment and a missing 决议', () => {
    const { approvedBy: _, ...withoutDecision } = full;
    const expiring = { ...withoutDecision, end: '2027-02-22' };
    expect(registerWarnings([entry([expiring])], TODAY).map((w) => `${w.field}: ${w.message}`)).toEqual([
      'contracts.0.end: 合同 DC-1（东村水产养殖专业合作社）将于 2027-02-22 到期（还有 90 天）',
      'contracts.0.plan.1: 合同 DC-1（东村水产养殖专业合作社）按付款计划截至 2026-06-30 应累计付 6,000.00 元，已付 3,000.00 元，逾期未付 3,000.00 元（从 2026-06-30 那一期起）',
      'contracts.0.approvedBy: 合同 DC-1（东村水产养殖专业合作社）没有填写决议',
    ]);
    expect(registerWarnings([entry([{ ...full, end: '2027-02-23' }])], TODAY)).toHaveLength(1);
  });
});

describe('registers in the CMS save check', () => {
  const gate = (collection: GateEntry['collection'], id: string, data: unknown): GateEntry => ({
    collection,
    id,
    file: `content/${collection}/${id}.json`,
    data,
  });
  const places = [
    gate('places', 'ceshi', { name: '测试街道', level: 'street', order: 0 }),
    gate('places', 'dongcun', { name: '东村', level: 'village', parent: 'ceshi', order: 1 }),
  ];
  const matter = gate('matters', 'dongcun-dongtang-2024', {
    title: '东塘发包养鱼',
    place: 'dongcun',
    procedure: 'four-two',
    status: 'decided',
    steps: [{ step: 'propose', meeting: '2024-01-05-dongcun-tiyi' }],
  });
  const context = gateContext(parseContent([...places, matter]), TODAY);

  it('sends the matters’ places, so a new register is checked against them', () => {
    expect(context.entries.find((e) => e.collection === 'matters')?.data).toEqual({ place: 'dongcun' });
    const fresh = { ...gate('registers', '', register([contract])), file: 'content/registers/new.json' };
    expect(checkEntry(fresh, context)).toEqual([]);
    const wrong = { ...fresh, data: register([{ ...contract, approvedBy: 'dongcun-x' }]) };
    expect(checkEntry(wrong, context).map((e) => e.message)).toEqual(['找不到事项或会议纪要“dongcun-x”']);
  });
});
