/**
 * Reads the content directory from disk: finds every file of every collection, splits Markdown front matter from
 * the body, parses YAML/JSON, and remembers where each field sits so errors can name a line.
 * This is the only module in src/lib that touches the file system for content.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { collections, type CollectionName } from '../schemas/index.ts';
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
  const data: unknown = doc.toJS();
  const entry: RawEntry = { collection, id, file, data, lineOf: linesLocator(doc, counter, offsetLines) };
  if (body !== undefined) entry.body = body;
  if (bodyLine !== undefined) entry.bodyLine = bodyLine;
  return { entry };
}

function listFiles(dir: string, extension: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(extension) && statSync(path.join(dir, name)).isFile())
    .sort();
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
    const files =
      spec.kind === 'file'
        ? existsSync(target)
          ? [target]
          : []
        : listFiles(target, `.${spec.format}`).map((f) => path.join(target, f));
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
      const result = parseContentFile(name, readFileSync(absolute, 'utf8'), relative(absolute), id);
      if ('error' in result) errors.push(result.error);
      else entries.push(result.entry);
    }
  }
  return { entries, errors };
}
