/**
 * Finds personal data that must never be published in full, and masks it the way prosecutors ordered notice
 * boards to: middle digits hidden (个人信息保护法 Art. 28/34/73; 2018 政务公开工作要点).
 *
 * - 18-character resident ID numbers (居民身份证号码, GB 11643) with a real birth date and a correct check code;
 *   also with a wrong check code when the region prefix is a real province code (a typo in a real number is
 *   still that person's number: the hit says so with `checkDigitWrong`).
 * - Bank card numbers: 16–19 digits passing the Luhn check.
 * - Mainland mobile numbers `1[3-9]xxxxxxxxx`: residents' phones are private; the fields that publish work
 *   phones (grid workers, official contacts) are exempted by the caller, not here.
 *
 * The text is normalised first, the way a reader sees it: NFKC (full-width digits as typed by a Chinese IME in
 * full-width mode become ASCII), zero-width characters removed, and any short run of spaces (also U+3000),
 * hyphens, dashes (– — ― − －) or dots (. 。 ・ ·) between digit groups counts as a separator, so
 * `１３８　１２３４　５６７８`, `138—1234—5678`, `138.1234.5678` and `6222 0212 3456 7890 12` are all found.
 *
 * Only whole digit groups are combined: the digits of a longer number never produce a hit, a group directly
 * after "digit." is the fraction of a decimal, and a number never starts with 0 (office lines with an area code
 * such as 0571-8765 4321 are not personal data). Combining several groups is allowed only when every group but
 * the last has at least 3 digits (dates like 2026-11-24 never join), and a card written in groups must start
 * with 3, 4, 5, 6 or 9 (the issuers of cards in China). Pure: no I/O.
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
  /** The number as written (may contain separators, full-width digits or zero-width characters). */
  text: string;
  /** Its digits in ASCII, without separators (the last may be X for an ID). */
  digits: string;
  /** The masked form to publish instead, e.g. 110105********1234, 138****5678. */
  masked: string;
  /** Resident ID whose check code does not match: still treated as an ID (probably one mistyped digit). */
  checkDigitWrong?: boolean;
}

export interface FindOptions {
  /** Look for mobile numbers too (default true). Output scans of pages that list work phones turn this off. */
  mobiles?: boolean;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CODES = '10X98765432';
/** First two digits of a resident ID: province-level region codes (GB/T 2260), Taiwan, Hong Kong and Macao. */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]); // prettier-ignore

function hasBirthDate(value: string): boolean {
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < 1800 || year > 2100) return false;
  const birth = new Date(Date.UTC(year, month - 1, day));
  return birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
}

function checkCodeMatches(value: string): boolean {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(value[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CODES[sum % 11] === value[17]!.toUpperCase();
}

/** True for an 18-character resident ID with a real birth date and a correct GB 11643 check code. */
export function isResidentId(value: string): boolean {
  return /^\d{17}[\dXx]$/.test(value) && hasBirthDate(value) && checkCodeMatches(value);
}

/**
 * An 18-character number that is a resident ID as far as a reader can tell: a correct ID, or one with a real
 * province prefix and birth date whose check code is wrong. Undefined when it is not an ID at all.
 */
export function residentIdStatus(value: string): 'valid' | 'check-digit-wrong' | undefined {
  if (!/^\d{17}[\dXx]$/.test(value) || !hasBirthDate(value)) return undefined;
  if (checkCodeMatches(value)) return 'valid';
  return PROVINCE_CODES.has(value.slice(0, 2)) ? 'check-digit-wrong' : undefined;
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

function isBankCard(digits: string): boolean {
  return /^\d{16,19}$/.test(digits) && passesLuhn(digits);
}

function isMobile(digits: string): boolean {
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

/** Zero-width characters a paste or an editor can hide inside a number. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/;
/**
 * Separators inside a number, after NFKC (which already turns U+3000, no-break and full-width spaces into a
 * space, － into -, ． into . and ｡ into 。): spaces and tabs, hyphens and dashes, minus, dots and middle dots.
 */
const SEPARATOR = /[ \t\u2000-\u200a\u202f\u205f\u3000\-\u2010-\u2015\u2212\ufe58\ufe63.\u3002\u30fb\u00b7\uff65]/;
/** At most this many separator characters between two groups of one number (e.g. " - "). */
const MAX_SEPARATOR_RUN = 3;

interface Normalised {
  text: string;
  /** Offset in the original text of each character of `text`, plus one entry for the end. */
  origin: number[];
}

/** NFKC per character and zero-width characters dropped, remembering where each character came from. */
export function normaliseForScan(text: string): Normalised {
  let out = '';
  const origin: number[] = [];
  let i = 0;
  for (const char of text) {
    if (!ZERO_WIDTH.test(char)) {
      // Only non-ASCII characters can change under NFKC; skipping ASCII keeps long pages fast.
      const normal = char.charCodeAt(0) < 0x80 ? char : char.normalize('NFKC');
      for (let k = 0; k < normal.length; k += 1) origin.push(i);
      out += normal;
    }
    i += char.length;
  }
  origin.push(text.length);
  return { text: out, origin };
}

interface Group {
  /** Start and end (exclusive) in the normalised text. */
  start: number;
  end: number;
  digits: string;
  /** Separated from the previous group by a short separator run (so the two may form one number). */
  joined: boolean;
  /** Directly after "digit." (the fraction of a decimal number). */
  fraction: boolean;
}

const GROUP = /\d+(?:[Xx](?![A-Za-z0-9]))?/g;

function digitGroups(text: string): Group[] {
  const groups: Group[] = [];
  let previous: Group | undefined;
  for (const m of text.matchAll(GROUP)) {
    const start = m.index;
    const between = previous === undefined ? undefined : text.slice(previous.end, start);
    const joined =
      previous !== undefined &&
      between !== undefined &&
      between.length > 0 &&
      between.length <= MAX_SEPARATOR_RUN &&
      [...between].every((c) => SEPARATOR.test(c)) &&
      !/[Xx]$/.test(previous.digits);
    const fraction = start >= 2 && text[start - 1] === '.' && /\d/.test(text[start - 2] ?? '');
    const group: Group = { start, end: start + m[0].length, digits: m[0], joined, fraction };
    groups.push(group);
    previous = group;
  }
  return groups;
}

function classify(
  digits: string,
  grouped: boolean,
  mobiles: boolean,
): Omit<PersonalDataHit, 'index' | 'text' | 'digits'> | undefined {
  if (digits.startsWith('0')) return undefined;
  if (digits.length === 18) {
    const status = residentIdStatus(digits);
    if (status === 'valid') return { kind: 'resident-id', masked: maskResidentId(digits.toUpperCase()) };
    if (status === 'check-digit-wrong') {
      return { kind: 'resident-id', masked: maskResidentId(digits.toUpperCase()), checkDigitWrong: true };
    }
  }
  if (!/^\d+$/.test(digits)) return undefined;
  if (isBankCard(digits) && (!grouped || /^[345689]/.test(digits))) {
    return { kind: 'bank-card', masked: maskBankCard(digits) };
  }
  if (!mobiles) return undefined;
  if (isMobile(digits)) return { kind: 'mobile', masked: maskMobile(digits) };
  // +86 written without a separator: 8613812345678.
  if (digits.length === 13 && digits.startsWith('86') && isMobile(digits.slice(2))) {
    return { kind: 'mobile', masked: `86${maskMobile(digits.slice(2))}` };
  }
  return undefined;
}

interface Match {
  /** Index of the number's first and last digit group (digitGroups). */
  first: number;
  last: number;
  found: NonNullable<ReturnType<typeof classify>>;
  digits: string;
}

/** The numbers in normalised text that are personal data, as runs of digit groups. */
function matchNumbers(groups: readonly Group[], mobiles: boolean): Match[] {
  const matches: Match[] = [];
  let i = 0;
  while (i < groups.length) {
    const first = groups[i]!;
    let best: Match | undefined;
    if (!first.fraction) {
      let digits = '';
      for (let j = i; j < groups.length; j += 1) {
        const group = groups[j]!;
        if (j > i && !group.joined) break;
        // Only the last group of a number may be short (4-4-4-4-2, 4-4-3), so dates never join.
        if (j > i && groups[j - 1]!.digits.length < 3) break;
        digits += group.digits;
        if (digits.length > 19) break;
        const found = classify(digits, j > i, mobiles);
        if (found !== undefined) best = { first: i, last: j, found, digits };
      }
    }
    if (best === undefined) {
      i += 1;
      continue;
    }
    matches.push(best);
    i = best.last + 1;
  }
  return matches;
}

const ZERO_WIDTH_ALL = new RegExp(ZERO_WIDTH.source, 'g');

/** Every resident ID, bank card and (unless turned off) mobile number in `text`, in order. */
export function findPersonalData(text: string, options: FindOptions = {}): PersonalDataHit[] {
  const mobiles = options.mobiles ?? true;
  // Almost no page holds personal data, and normalising character by character (to keep each character's offset
  // for the error message) was most of the output checks' time. So the whole text is first normalised in one
  // native call: digits and separators never compose with their neighbours under NFKC, so it finds a number
  // exactly when the per-character form does (privacy.test.ts compares both), and only then are offsets worked out.
  if (matchNumbers(digitGroups(text.normalize('NFKC').replace(ZERO_WIDTH_ALL, '')), mobiles).length === 0) return [];
  return locatePersonalData(text, mobiles);
}

/** findPersonalData without the quick first pass: every hit with its offset in the original text. */
export function locatePersonalData(text: string, mobiles = true): PersonalDataHit[] {
  const normal = normaliseForScan(text);
  const groups = digitGroups(normal.text);
  return matchNumbers(groups, mobiles).map(({ first, last, found, digits }) => {
    const start = normal.origin[groups[first]!.start]!;
    const lastChar = normal.origin[groups[last]!.end - 1]!;
    const end = lastChar + ((text.codePointAt(lastChar) ?? 0) > 0xffff ? 2 : 1);
    return { ...found, index: start, text: text.slice(start, end), digits: digits.toUpperCase() };
  });
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
