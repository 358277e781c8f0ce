import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeContentFile, FILE_LIMIT_BYTES, parseContentFile } from './content-files.ts';
import { BODY_LIMIT_BYTES, checkEntry, gateContext, parseContent, parseGateContext } from './content-gate.ts';

const NOTICE = readFileSync('tests/fixtures/valid-minimal/notices/2026-11-20-caiwu-10yue.md', 'utf8');

function notice(text: string) {
  const parsed = parseContentFile(
    'notices',
    text,
    'content/notices/2026-11-20-caiwu-10yue.md',
    '2026-11-20-caiwu-10yue',
  );
  if ('error' in parsed) throw new Error(parsed.error.message);
  return parsed.entry;
}

describe('the content gate', () => {
  it('refuses a body over 200 KB with its size, at the line where the body starts', () => {
    const body = '公'.repeat(Math.ceil((BODY_LIMIT_BYTES + 1) / 3));
    expect(checkEntry(notice(`${NOTICE}${body}\n`))).toEqual([
      {
        file: 'content/notices/2026-11-20-caiwu-10yue.md',
        line: 18,
        field: 'body',
        label: '正文',
        message: '正文有 201 KB，超过 200 KB 的上限',
        fix: '长名单、明细表请做成附件（PDF 或 CSV）上传，正文只写说明和汇总',
      },
    ]);
    expect(checkEntry(notice(`${NOTICE}${'公'.repeat(60_000)}\n`))).toEqual([]);
  });

  it('refuses a content file over 2 MB without reading it', () => {
    expect(decodeContentFile(new Uint8Array(FILE_LIMIT_BYTES + 1), 'content/legal/big.md')).toEqual({
      error: {
        file: 'content/legal/big.md',
        field: '',
        label: '',
        message: '文件有 2.0 MB，超过 2 MB 的上限，没有读取',
        fix: '长名单、明细表请做成附件（PDF 或 CSV）上传，正文只写说明和汇总',
      },
    });
  });

  it('accepts a context only in its own format', () => {
    expect(() => parseGateContext(null)).toThrow('not a version-1 context');
    expect(() => parseGateContext({ version: 1, today: '2026-11-24' })).toThrow('not a version-1 context');
    expect(parseGateContext({ version: 1, today: '2026-11-24', entries: [] })).toEqual({
      version: 1,
      today: '2026-11-24',
      entries: [],
      partial: false,
    });
  });

  it('summarises only what the rules need, and leaves out unpublished notices when asked', () => {
    const scheduled = notice(NOTICE.replaceAll('2026-11-20', '2026-12-01').replace('2026-11-26', '2026-12-07'));
    scheduled.id = '2026-12-01-caiwu-11yue';
    const context = gateContext(parseContent([notice(NOTICE), scheduled]), '2026-11-24');
    expect(context.entries.map((e) => [e.id, e.data])).toEqual([
      ['2026-11-20-caiwu-10yue', { place: 'dongcun', published: '2026-11-20', draft: false, movedFrom: [] }],
      ['2026-12-01-caiwu-11yue', { place: 'dongcun', published: '2026-12-01', draft: false, movedFrom: [] }],
    ]);
    const published = gateContext(parseContent([notice(NOTICE), scheduled]), '2026-11-24', { publicOnly: true });
    expect(published.entries.map((e) => e.id)).toEqual(['2026-11-20-caiwu-10yue']);
    expect(published.partial).toBe(true);
  });
});

/** Relative imports of a TypeScript module, resolved to files. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
}

describe('the gate in the browser', () => {
  it('has no Node.js module anywhere in its import graph (the CMS bundles it)', () => {
    const seen = new Set<string>();
    const external = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of imports(file)) {
        if (spec.startsWith('.')) visit(path.join(path.dirname(file), spec));
        else external.add(spec);
      }
    };
    visit('src/lib/content/content-gate.ts');
    visit('cms/entry-check.ts');
    expect(seen.has('src/lib/content/privacy.ts') && seen.has('src/lib/content/content-rules.ts')).toBe(true);
    expect([...external].sort()).toEqual(['astro/zod']);
  });
});
