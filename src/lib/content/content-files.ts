/**
 * Reads the content directory from disk: finds every file of every collection, splits Markdown front matter from
 * the body, parses YAML/JSON, and remembers where each field sits so errors can name a line.
 * This is the only module in src/lib that touches the file system for content.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isAlias, isMap, isNode, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { collections, type CollectionName } from '../../schemas/index.ts';
import type { Attachment } from './attachment-safety.ts';
import type { ContentError } from './friendly-errors.ts';
import { uploadProblem } from './upload-rules.ts';

export interface RawEntry {
  collection: CollectionName;
  /** File name without extension (the entry id used in URLs and references). */
  id: string;
  /** Path relative to the project root, for messages. */
  file: string;
  /** Parsed front matter or JSON, not yet validated. */
  data: unknown;
  /** Markdown body (md collections only). */
  body?: string;
  /** 1-based line of the file where the body starts, so problems found in the body can name their line. */
  bodyLine?: number;
  /** Line of a field path in the file, when it can be found. */
  lineOf: (fieldPath: readonly PropertyKey[]) => number | undefined;
}

/** Content directory: CONTENT_DIR if set, else ./content. */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.CONTENT_DIR ?? 'content');
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function linesLocator(doc: Document, counter: LineCounter, offsetLines: number) {
  return (fieldPath: readonly PropertyKey[]): number | undefined => {
    // Walk down as far as the path exists, so a missing field points at its parent.
    let node: unknown = doc.contents;
    let best: number | undefined;
    const rangeLine = (n: unknown) => {
      const range = (n as { range?: [number, number, number] } | null)?.range;
      return range ? counter.linePos(range[0]).line + offsetLines : undefined;
    };
    best = rangeLine(node);
    for (const segment of fieldPath) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === segment);
        if (pair === undefined) break;
        best = rangeLine(pair.key) ?? best;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        best = rangeLine(node) ?? best;
      } else {
        break;
      }
    }
    return best;
  };
}

/** Largest content file read at all (bytes); bodies over BODY_LIMIT_BYTES (content-gate.ts) are refused later. */
export const FILE_LIMIT_BYTES = 2 * 1024 * 1024;

function fileError(file: string, message: string, fix: string, line?: number): { error: ContentError } {
  const error: ContentError = { file, field: '', label: '', message, fix };
  if (line !== undefined) error.line = line;
  return { error };
}

const SAVE_AS_UTF8 = '用记事本或其他编辑器打开这个文件，“另存为”时把编码选为“UTF-8”，再保存';

/**
 * The text of a content file, or why it cannot be read as published text: too large, not UTF-8 (GBK from an old
 * editor, UTF-16 from Notepad's "Unicode"), or UTF-8 with a byte-order mark, which Astro's readers do not accept.
 */
export function decodeContentFile(bytes: Uint8Array, file: string): { text: string } | { error: ContentError } {
  if (bytes.length > FILE_LIMIT_BYTES) {
    return fileError(
      file,
      `文件有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过 ${FILE_LIMIT_BYTES / 1024 / 1024} MB 的上限，没有读取`,
      '长名单、明细表请做成附件（PDF 或 CSV）上传，正文只写说明和汇总',
    );
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fileError(
      file,
      '文件是 UTF-16 编码（记事本的“Unicode”），网站会显示成乱码，请另存为 UTF-8',
      SAVE_AS_UTF8,
      1,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    let gbk = false;
    try {
      new TextDecoder('gbk', { fatal: true }).decode(bytes);
      gbk = true;
    } catch {
      // neither UTF-8 nor GBK: damaged or another encoding
    }
    // The line of the first byte that is not UTF-8.
    const line = (new TextDecoder('utf-8').decode(bytes).split('\uFFFD')[0] ?? '').split('\n').length;
    const guess = gbk ? '（看起来是 GBK/GB2312，旧版记事本和 Excel 常用）' : `（第 ${line} 行起无法识别）`;
    return fileError(file, `文件不是 UTF-8 编码${guess}，网站会显示成乱码，请另存为 UTF-8`, SAVE_AS_UTF8, line);
  }
  if (text.startsWith('\uFEFF')) {
    return fileError(
      file,
      '文件开头有 BOM 标记（保存成了“带 BOM 的 UTF-8”），网站读取时会出错，请另存为 UTF-8（不带 BOM）',
      '用编辑器“另存为”，编码选“UTF-8”而不是“UTF-8 with BOM / 带有 BOM 的 UTF-8”，再保存',
      1,
    );
  }
  return { text };
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/**
 * Problems JSON.parse (what Astro reads JSON files with) has but YAML, which we parse for line numbers, accepts:
 * a comma after the last item, comments, single quotes, unquoted names.
 */
function strictJsonError(text: string, file: string): { error: ContentError } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    const position = /position (\d+)/.exec((e as Error).message);
    const offset = position === null ? undefined : Number(position[1]);
    if (offset !== undefined) {
      const before = text.slice(0, offset).trimEnd();
      if (before.endsWith(',') && /^[}\]]/.test(text.slice(offset).trimStart())) {
        return fileError(
          file,
          'JSON格式错误，无法读取（最后一项后面多了一个逗号）',
          '删除这一行末尾的逗号：JSON 中最后一项后面不能有逗号',
          lineAt(text, before.length - 1),
        );
      }
    }
    return fileError(
      file,
      'JSON格式错误，无法读取（可能缺少冒号、引号或缩进不对）',
      '检查这一行附近的引号、逗号和括号是否成对',
      offset === undefined ? 1 : lineAt(text, offset),
    );
  }
}

/** Line of the first YAML anchor (&name) or alias (*name) in a document, or undefined when it has none. */
function firstAnchorOrAlias(doc: Document, counter: LineCounter): number | undefined {
  let line: number | undefined;
  visit(doc, (_, node) => {
    if (isAlias(node) || (isNode(node) && node.anchor !== undefined)) {
      const range = (node as { range?: [number, number, number] }).range;
      line = range === undefined ? 1 : counter.linePos(range[0]).line;
      return visit.BREAK;
    }
    return undefined;
  });
  return line;
}

/** Parse one file's text. Returns the entry, or an error that names the line of the syntax problem. */
export function parseContentFile(
  collection: CollectionName,
  text: string,
  file: string,
  id: string,
): { entry: RawEntry } | { error: ContentError } {
  const spec = collections[collection];
  let source = text.replace(/^\uFEFF/, '');
  let body: string | undefined;
  let bodyLine: number | undefined;
  let offsetLines = 0;
  if (spec.format === 'md') {
    const match = FRONT_MATTER.exec(source);
    if (match === null) {
      return {
        error: {
          file,
          line: 1,
          field: '',
          label: '',
          message: '文件开头没有属性区（front matter）',
          fix: '在文件第一行写 ---，接着写标题、日期等属性，再写一行 --- 后写正文',
        },
      };
    }
    body = source.slice(match[0].length);
    bodyLine = match[0].split('\n').length + (match[0].endsWith('\n') ? 0 : 1);
    source = match[1] ?? '';
    offsetLines = 1; // the opening --- line
  }
  if (spec.format === 'json') {
    const jsonError = strictJsonError(source, file);
    if (jsonError !== undefined) return jsonError;
  }
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const syntaxError = doc.errors[0];
  if (syntaxError !== undefined) {
    const line = counter.linePos(syntaxError.pos[0]).line + offsetLines;
    const what = spec.format === 'md' ? '属性区' : 'JSON';
    return {
      error: {
        file,
        line,
        field: '',
        label: '',
        message: `${what}格式错误，无法读取（${syntaxError.code === 'DUPLICATE_KEY' ? '同一个字段写了两次' : '可能缺少冒号、引号或缩进不对'}）`,
        fix:
          spec.format === 'md'
            ? '检查这一行：每个属性写成“名称: 值”，冒号后有空格，含冒号的值用引号括起来'
            : '检查这一行附近的引号、逗号和括号是否成对',
      },
    };
  }
  // Aliases let a few lines expand into gigabytes (an "alias bomb"); editors never need them.
  const aliasLine = firstAnchorOrAlias(doc, counter);
  if (aliasLine !== undefined) {
    return fileError(
      file,
      '属性区用了 YAML 锚点或引用（& 或 * 开头的写法），网站不支持',
      '把引用的内容直接写出来，删除 & 和 * 标记',
      aliasLine + offsetLines,
    );
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (e) {
    return fileError(file, `无法读取这个文件（${(e as Error).message}）`, '检查文件内容，或用后台重新保存', 1);
  }
  const entry: RawEntry = { collection, id, file, data, lineOf: linesLocator(doc, counter, offsetLines) };
  if (body !== undefined) entry.body = body;
  if (bodyLine !== undefined) entry.bodyLine = bodyLine;
  return { entry };
}

/**
 * The entry files of a collection folder, and an error for every file that would be skipped or break the build:
 * files in sub-folders (Astro would read them and fail with "Missing parameter: id"), extensions in the wrong case
 * (`.MD` is ignored by the site) and files of another type. Hidden files (.gitkeep, .DS_Store) are ignored.
 */
function listFiles(
  dir: string,
  extension: string,
  spec: { label: string },
  relative: (p: string) => string,
): { files: string[]; errors: ContentError[] } {
  const files: string[] = [];
  const errors: ContentError[] = [];
  if (!existsSync(dir)) return { files, errors };
  const folder = relative(dir);
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const absolute = path.join(dir, name);
    if (
      name.split(/[\\/]/).some((part) => part.startsWith('.')) ||
      statSync(absolute, { throwIfNoEntry: false })?.isFile() !== true
    )
      continue;
    const file = relative(absolute);
    if (name.includes('/') || name.includes(path.sep)) {
      errors.push({
        file,
        field: '',
        label: '',
        message: `${spec.label}不能放在子文件夹里（${path.dirname(name)}/），这样的文件无法发布`,
        fix: `把文件移到 ${folder}/ 下，直接放在这个文件夹里`,
      });
    } else if (path.extname(name) === extension) {
      files.push(name);
    } else if (path.extname(name).toLowerCase() === extension) {
      errors.push({
        file,
        field: '',
        label: '',
        message: `扩展名“${path.extname(name)}”要写成小写“${extension}”，否则这个文件不会发布`,
        fix: `把文件改名为 ${path.basename(name, path.extname(name))}${extension}`,
      });
    } else {
      errors.push({
        file,
        field: '',
        label: '',
        message: `${folder}/ 里只放 ${extension} 文件，这个文件不会发布`,
        fix: '附件请放在 uploads/ 文件夹并在内容里链接；不需要的文件请删除',
      });
    }
  }
  return { files, errors };
}

/**
 * Every file under `<root>/uploads/`, in path order, found with lstat (a symbolic link is reported, never followed).
 * Files refused by `uploadProblem` (links, special files, SVG/HTML, over the size limit) come back with that
 * problem and no bytes; of the others, only those `include` accepts by name are read (photos, often megabytes
 * each, are not read for nothing).
 */
export function readUploads(
  root: string,
  include: (file: string) => boolean,
  projectRoot: string = process.cwd(),
): Attachment[] {
  const dir = path.join(root, 'uploads');
  if (!existsSync(dir)) return [];
  const found: Attachment[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const absolute = path.join(folder, name);
      const stat = lstatSync(absolute);
      if (stat.isDirectory()) {
        walk(absolute);
        continue;
      }
      const file = path.relative(projectRoot, absolute) || absolute;
      const problem = uploadProblem(file, {
        isSymbolicLink: stat.isSymbolicLink(),
        isFile: stat.isFile(),
        size: stat.size,
      });
      if (problem !== undefined) found.push({ file, bytes: new Uint8Array(), problem });
      else if (include(path.relative(dir, absolute))) found.push({ file, bytes: readFileSync(absolute) });
    }
  };
  walk(dir);
  return found;
}

/** Read every content file. Syntax errors are returned, not thrown, so all problems are reported at once. */
export function readContent(
  root: string,
  projectRoot: string = process.cwd(),
): { entries: RawEntry[]; errors: ContentError[] } {
  const entries: RawEntry[] = [];
  const errors: ContentError[] = [];
  const relative = (p: string) => path.relative(projectRoot, p) || p;
  for (const [name, spec] of Object.entries(collections) as [CollectionName, (typeof collections)[CollectionName]][]) {
    const target = path.join(root, spec.path);
    const listed = spec.kind === 'file' ? undefined : listFiles(target, `.${spec.format}`, spec, relative);
    if (listed !== undefined) errors.push(...listed.errors);
    const files =
      listed === undefined ? (existsSync(target) ? [target] : []) : listed.files.map((f) => path.join(target, f));
    if (spec.kind === 'file' && files.length === 0) {
      errors.push({
        file: relative(target),
        field: '',
        label: '',
        message: `缺少${spec.label}文件`,
        fix: `创建 ${relative(target)}（可参照示例 content/${spec.path}）`,
      });
    }
    for (const absolute of files) {
      const id = path.basename(absolute).replace(/\.(md|json)$/, '');
      const decoded = decodeContentFile(readFileSync(absolute), relative(absolute));
      if ('error' in decoded) {
        errors.push(decoded.error);
        continue;
      }
      const result = parseContentFile(name, decoded.text, relative(absolute), id);
      if ('error' in result) errors.push(result.error);
      else entries.push(result.entry);
    }
  }
  return { entries, errors };
}
