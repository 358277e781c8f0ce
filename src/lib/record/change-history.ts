/**
 * A notice's change history ("发布于… 更新于…"), read from git at build time.
 *
 * One `git log --name-status` over the whole content folder per build (not one process per file): with
 * thousands of notices a per-file `git log --follow` would dominate the build. Renames are followed by walking
 * the log from newest to oldest and remembering which old path became which current path.
 * Outside a git checkout, or for a file that was never committed, the history is simply empty.
 */
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { shanghaiDay } from '../site/dates.ts';

export interface FileChange {
  /** Day of the commit in Asia/Shanghai, YYYY-MM-DD. */
  date: string;
  /** Commit message subject (the CMS writes e.g. 更新公告“…”); 新建/修改/改名 for a commit of several files. */
  subject: string;
  /** Abbreviated commit id, for whoever wants to check the record. */
  commit: string;
  kind: 'added' | 'modified' | 'renamed';
}

interface RawCommit {
  hash: string;
  instant: string;
  subject: string;
  files: { status: string; path: string; oldPath?: string }[];
}

const RECORD = '\x1e';
const FIELD = '\x1f';
/** The `--format` that {@link parseGitLog} reads. */
export const GIT_LOG_FORMAT = `${RECORD}%H${FIELD}%cI${FIELD}%s`;

function parseCommits(output: string): RawCommit[] {
  const commits: RawCommit[] = [];
  for (const record of output.split(RECORD)) {
    if (record.trim() === '') continue;
    const [header = '', ...lines] = record.split('\n');
    const [hash = '', instant = '', subject = ''] = header.split(FIELD);
    const files: RawCommit['files'] = [];
    for (const line of lines) {
      if (line.trim() === '') continue;
      const [status = '', first = '', second] = line.split('\t');
      if (status.startsWith('R') || status.startsWith('C')) {
        if (second !== undefined) files.push({ status: status[0] as string, path: second, oldPath: first });
      } else {
        files.push({ status: status[0] ?? 'M', path: first });
      }
    }
    commits.push({ hash, instant, subject, files });
  }
  return commits;
}

const NEUTRAL_SUBJECTS: Record<FileChange['kind'], string> = { added: '新建', modified: '修改', renamed: '改名' };

/**
 * The subject a page shows for a commit. A commit that changed several content files (a CMS `git add .`, a batch
 * edit) may be named after another entry, a scheduled or draft one among them: its subject would reveal that
 * entry before its day on a public page (issue 12). Only a commit that changed this one file shows its subject.
 */
function shownSubject(commit: RawCommit, kind: FileChange['kind']): string {
  return commit.files.length === 1 ? commit.subject : NEUTRAL_SUBJECTS[kind];
}

/**
 * Changes per file path (paths as git prints them, relative to the repository root), newest first.
 * `output` is what `git log --format=<GIT_LOG_FORMAT> --name-status -M` prints, newest commit first.
 */
export function parseGitLog(output: string): Map<string, FileChange[]> {
  const history = new Map<string, FileChange[]>();
  // old path → the path the file has today (filled in as we meet renames going back in time)
  const currentName = new Map<string, string>();
  for (const commit of parseCommits(output)) {
    const date = shanghaiDay(new Date(commit.instant));
    for (const file of commit.files) {
      if (file.status === 'D') continue;
      const current = currentName.get(file.path) ?? file.path;
      const kind = file.status === 'A' ? 'added' : file.status === 'R' ? 'renamed' : 'modified';
      const list = history.get(current) ?? [];
      list.push({ date, subject: shownSubject(commit, kind), commit: commit.hash.slice(0, 7), kind });
      history.set(current, list);
      if (file.oldPath !== undefined && file.status === 'R') currentName.set(file.oldPath, current);
    }
  }
  return history;
}

export interface ChangeHistory {
  /** Changes to the file at absolute path `file`, newest first (empty when unknown). */
  of(file: string): FileChange[];
  /** Day of the latest change to any file under the absolute folder `dir` (undefined when unknown). */
  lastChangeUnder(dir: string): string | undefined;
}

const EMPTY: ChangeHistory = { of: () => [], lastChangeUnder: () => undefined };
const run = promisify(execFile);

/**
 * The history of every file under `contentDir`, read from git on each call (one `git log`): the site reads it
 * once per build through src/data (getChangeHistory).
 */
export async function loadChangeHistory(contentDir: string): Promise<ChangeHistory> {
  try {
    const git = (args: string[]) =>
      run('git', ['-c', 'core.quotePath=false', ...args], {
        cwd: path.resolve(contentDir),
        maxBuffer: 256 * 1024 * 1024,
      });
    const root = (await git(['rev-parse', '--show-toplevel'])).stdout.trim();
    const { stdout } = await git(['log', `--format=${GIT_LOG_FORMAT}`, '--name-status', '-M', '--', '.']);
    const byPath = parseGitLog(stdout);
    const relative = (file: string) => path.relative(root, path.resolve(file)).split(path.sep).join('/');
    return {
      of: (file) => byPath.get(relative(file)) ?? [],
      lastChangeUnder: (dir) => {
        const folder = relative(dir);
        const prefix = folder === '' ? '' : `${folder}/`;
        let latest: string | undefined;
        for (const [file, changes] of byPath) {
          const day = changes[0]?.date;
          if (file.startsWith(prefix) && day !== undefined && (latest === undefined || day > latest)) latest = day;
        }
        return latest;
      },
    };
  } catch {
    // Not a git checkout (a tarball, a CI cache) or no git installed: pages show the publish day only.
    return EMPTY;
  }
}

/**
 * The text of files as they were at given commits, for revision logs: one `git cat-file --batch` process for all
 * of them (not one `git show` per version). `wanted` maps an absolute file path to commit ids (FileChange.commit);
 * the result maps the same path to the texts in the same order (undefined where git has no such version, e.g.
 * before a rename). Outside git every text is undefined.
 */
export async function loadFileVersions(
  contentDir: string,
  wanted: ReadonlyMap<string, readonly string[]>,
): Promise<Map<string, (string | undefined)[]>> {
  const result = new Map<string, (string | undefined)[]>();
  for (const [file, commits] of wanted)
    result.set(
      file,
      commits.map(() => undefined),
    );
  if (wanted.size === 0) return result;
  try {
    const cwd = path.resolve(contentDir);
    const root = (await run('git', ['rev-parse', '--show-toplevel'], { cwd })).stdout.trim();
    const requests: { file: string; index: number }[] = [];
    let input = '';
    for (const [file, commits] of wanted) {
      const relative = path.relative(root, path.resolve(file)).split(path.sep).join('/');
      commits.forEach((commit, index) => {
        requests.push({ file, index });
        input += `${commit}:${relative}\n`;
      });
    }
    const output = await new Promise<Buffer>((resolve, reject) => {
      const child = spawn('git', ['cat-file', '--batch'], { cwd: root });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`git ${code}`))));
      child.stdin.end(input);
    });
    let offset = 0;
    for (const request of requests) {
      const lineEnd = output.indexOf(0x0a, offset);
      if (lineEnd < 0) break;
      const header = output.subarray(offset, lineEnd).toString('utf8');
      offset = lineEnd + 1;
      const size = /^\S+ blob (\d+)$/.exec(header)?.[1];
      if (size === undefined) continue; // "<object> missing"
      const text = output.subarray(offset, offset + Number(size)).toString('utf8');
      offset += Number(size) + 1;
      const texts = result.get(request.file);
      if (texts !== undefined) texts[request.index] = text;
    }
  } catch {
    // Not a git checkout: no versions, so no revision log (pages say nothing rather than something wrong).
  }
  return result;
}
