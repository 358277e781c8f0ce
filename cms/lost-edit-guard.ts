/**
 * The admin's half of the lost-edit guard (the other half is scripts/lib/cms-save-proxy.ts): remembers the SHA-256
 * of every file this tab has read from the local backend, sends it along with each save, and updates it after a
 * save of its own. The proxy refuses a save whose file changed in between (another tab, another person), so an
 * edit is never silently overwritten. Only requests to the local backend are touched.
 */
import { showBanner } from './field-errors.ts';

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

interface Request {
  action?: string;
  params?: Record<string, unknown> & {
    path?: string;
    entry?: { path: string; raw: string };
    dataFiles?: { path: string; raw: string }[];
    gongkailanBase?: Record<string, string>;
  };
}

interface FileInfo {
  file?: { path?: string; id?: string | null };
}

let commitNote: string | undefined;

/**
 * The change note of the entry about to be saved (cms/main.ts, from changeNoteCheck): the next save's commit
 * message carries it, so `git log` says why a published entry changed, not only that it did.
 */
export function setCommitNote(note: string | undefined): void {
  commitNote = note;
}

export function installLostEditGuard(backendUrl: string): void {
  const seen = new Map<string, string>();
  const original = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url !== backendUrl || typeof init?.body !== 'string') return original(input, init);
    const request = JSON.parse(init.body) as Request;
    const files = request.params?.dataFiles ?? (request.params?.entry ? [request.params.entry] : []);
    if (request.action === 'persistEntry' && request.params !== undefined) {
      const base: Record<string, string> = {};
      for (const file of files) {
        const hash = seen.get(file.path);
        if (hash !== undefined) base[file.path] = hash;
      }
      request.params.gongkailanBase = base;
      const options = (request.params as { options?: { commitMessage?: string } }).options;
      if (commitNote !== undefined && typeof options?.commitMessage === 'string') {
        options.commitMessage = `${options.commitMessage}：${commitNote}`;
      }
      commitNote = undefined;
      init = { ...init, body: JSON.stringify(request) };
    }
    const response = await original(input, init);
    if (!response.ok) {
      if (response.status === 409) {
        const { error } = (await response.clone().json()) as { error?: string };
        showBanner(error ?? '保存被拒绝');
      }
      return response;
    }
    const json = (await response.clone().json()) as unknown;
    const remember = (item: FileInfo) => {
      if (item?.file?.path !== undefined && typeof item.file.id === 'string') seen.set(item.file.path, item.file.id);
    };
    if (request.action === 'persistEntry') {
      for (const file of files) seen.set(file.path, await sha256(file.raw));
    } else if (request.action === 'getEntry') {
      remember(json as FileInfo);
    } else if (request.action === 'entriesByFolder' || request.action === 'entriesByFiles') {
      for (const item of json as FileInfo[]) remember(item);
    } else if (request.action === 'unpublishedEntryDataFile' && typeof request.params?.path === 'string') {
      const data = (json as { data?: unknown }).data;
      if (typeof data === 'string') seen.set(request.params.path, await sha256(data));
    }
    return response;
  };
}
