/**
 * Finds personal data that must never be published in full, and masks it the way prosecutors ordered notice
 * boards to: middle digits hidden (个人信息保护法 Art. 28/34/73; 2018 政务公开工作要点).
 *
 * - 18-digit resident ID numbers (居民身份证号码, GB 11643): valid birth date and check code, so ordinary long
 *   numbers (amounts, contract numbers) are not flagged.
 * - Bank card numbers: 16–19 digits passing the Luhn check, written in one run or in groups of four.
 * - Mainland mobile numbers `1[3-9]xxxxxxxxx`: residents' phones are private; the fields that publish work
 *   phones (grid workers, official contacts) are exempted by the caller, not here.
 *
 * A number is only considered when it is a whole run of digits: 20 digits in a row are not a card, and the
 * digits of a longer number never produce an 11-digit "mobile". Pure: no I/O.
 */

export type PersonalDataKind = 'resident-id' | 'bank-card' | 'mobile';

export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = {
  'resident-id': '身份证号码',
  'bank-card': '银行卡号',
  mobile: '手机号码',
};

export interface PersonalDataHit {
  kind: PersonalDataKind;
  /** Offset of the first character of the number in the scanned text. */
  index: number;
  /** The number as written (may contain spaces or hyphens between digit groups). */
  text: string;
  /** The masked form to publish instead, e.g. 110105********1234, 138****5678. */
  masked: string;
}

export interface FindOptions {
  /** Look for mobile numbers too (default true). Output scans of pages that list work phones turn this off. */
  mobiles?: boolean;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CODES = '10X98765432';

/** True for an 18-character resident ID with a real birth date and a correct GB 11643 check code. */
export function isResidentId(value: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < 1800 || year > 2100) return false;
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(value[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CODES[sum % 11] === value[17]!.toUpperCase();
}

/** Luhn (mod 10) check used by bank card numbers. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isBankCard(digits: string): boolean {
  return /^\d{16,19}$/.test(digits) && passesLuhn(digits);
}

export function isMobile(digits: string): boolean {
  return /^1[3-9]\d{9}$/.test(digits);
}

/** 110105199001011234 → 110105********1234 (region code and last four kept). */
export function maskResidentId(id: string): string {
  return `${id.slice(0, 6)}${'*'.repeat(8)}${id.slice(14)}`;
}

/** 13812345678 → 138****5678. */
export function maskMobile(mobile: string): string {
  return `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
}

/** 6222021234567890123 → 6222***********0123 (first and last four kept). */
export function maskBankCard(card: string): string {
  return `${card.slice(0, 4)}${'*'.repeat(card.length - 8)}${card.slice(-4)}`;
}

/**
 * Candidate numbers: grouped forms first (cards in fours, IDs as 6-8-4, mobiles as 3-4-4, separated by one space
 * or hyphen), then plain digit runs. Not preceded by a digit or by "digit." (the fraction of a decimal), not
 * followed by a digit, so only whole numbers are considered.
 */
const CANDIDATE =
  /(?<!\d)(?<!\d\.)(?:\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,4})?|\d{6}[ -]\d{8}[ -]\d{3}[\dXx]|1[3-9]\d[ -]\d{4}[ -]\d{4}|\d+[Xx]?)(?!\d)/g;

function classify(written: string, mobiles: boolean): Omit<PersonalDataHit, 'index' | 'text'> | undefined {
  const digits = written.replace(/[ -]/g, '');
  if (isResidentId(digits)) return { kind: 'resident-id', masked: maskResidentId(digits.toUpperCase()) };
  return /^\d+$/.test(digits) ? classifyPlain(digits, mobiles) : undefined;
}

function classifyPlain(digits: string, mobiles: boolean): Omit<PersonalDataHit, 'index' | 'text'> | undefined {
  if (isBankCard(digits)) return { kind: 'bank-card', masked: maskBankCard(digits) };
  if (!mobiles) return undefined;
  if (isMobile(digits)) return { kind: 'mobile', masked: maskMobile(digits) };
  // +86 written without a separator: 8613812345678.
  if (digits.length === 13 && digits.startsWith('86') && isMobile(digits.slice(2))) {
    return { kind: 'mobile', masked: `86${maskMobile(digits.slice(2))}` };
  }
  return undefined;
}

/** Every resident ID, bank card and (unless turned off) mobile number in `text`, in order. */
export function findPersonalData(text: string, options: FindOptions = {}): PersonalDataHit[] {
  const mobiles = options.mobiles ?? true;
  const hits: PersonalDataHit[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    let written = match[0];
    // A trailing X only belongs to an ID number; elsewhere it is the next word.
    if (/[Xx]$/.test(written) && written.replace(/[ -]/g, '').length !== 18) written = written.slice(0, -1);
    const found = classify(written, mobiles);
    if (found !== undefined) hits.push({ ...found, index: match.index, text: written });
  }
  return hits;
}

/** `text` with every hit replaced by its masked form: what an editor or importer should publish instead. */
export function maskPersonalData(text: string, options: FindOptions = {}): string {
  let result = '';
  let last = 0;
  for (const hit of findPersonalData(text, options)) {
    result += text.slice(last, hit.index) + hit.masked;
    last = hit.index + hit.text.length;
  }
  return result + text.slice(last);
}

/** 1-based line and column of `index` in `text`. */
export function positionOf(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

/**
 * Line lookup for many positions in one text (e.g. every link of a page): newline offsets are found once and
 * each lookup is a binary search, where positionOf would re-scan the text from the start for each position.
 */
export function lineFinder(text: string): (index: number) => number {
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
  return (index) => {
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((newlines[mid] as number) < index) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };
}
