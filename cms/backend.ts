/**
 * Where the CMS saves: read at build time from environment variables, so one built site can be pointed at a
 * GitHub or GitLab repository without editing code. No secrets here: OAuth client secrets stay with the OAuth
 * proxy (GitHub) or are not needed at all (GitLab PKCE). See docs/cms-backends.md.
 *
 *   CMS_BACKEND            github | gitlab (default github)
 *   CMS_REPO               owner/name of the repository that holds content/ (required off localhost)
 *   CMS_BRANCH             branch the site is built from (default main)
 *   CMS_AUTH_URL           GitHub: base URL of the OAuth proxy (e.g. https://auth.example.gov.cn)
 *   CMS_GITLAB_APP_ID      GitLab: application id of the OAuth app (PKCE login, no secret)
 *   CMS_API_ROOT           self-hosted GitLab/GitHub Enterprise API root, e.g. https://git.example.cn/api/v4
 *   CMS_EDITORIAL_WORKFLOW 0 turns off draft → review → publish (default on for github/gitlab)
 *   CMS_LOCAL_BACKEND_URL  decap-server URL used when the admin is opened on localhost
 *                          (default http://localhost:8081/api/v1, what `npm run cms` starts)
 */

export interface BackendSettings {
  backend: Record<string, string> & { name: string };
  /** decap-server for editing on one machine; Decap only uses it when the page is opened on localhost. */
  localBackend?: { url: string; allowed_hosts?: string[] };
  editorialWorkflow: boolean;
  siteUrl?: string;
}

const DEFAULT_LOCAL_BACKEND_URL = 'http://localhost:8081/api/v1';

/** Backend settings from environment variables; throws a Chinese message naming the variable to fix. */
export function backendFromEnv(env: Record<string, string | undefined>, siteUrl?: string): BackendSettings {
  const name = env.CMS_BACKEND ?? 'github';
  if (name !== 'github' && name !== 'gitlab') {
    throw new Error(`CMS_BACKEND=${name} 不支持：请设为 github 或 gitlab（见 docs/cms-backends.md）`);
  }
  const repo = env.CMS_REPO ?? 'example/gongkailan';
  if (!/^[\w.-]+(\/[\w.-]+)+$/.test(repo)) {
    throw new Error(`CMS_REPO=${repo} 格式不对：应为 所有者/仓库名，如 yunxi/gongkailan`);
  }
  const backend: BackendSettings['backend'] = { name, repo, branch: env.CMS_BRANCH ?? 'main' };
  if (env.CMS_API_ROOT) backend.api_root = env.CMS_API_ROOT;
  if (name === 'github' && env.CMS_AUTH_URL) backend.base_url = env.CMS_AUTH_URL;
  if (name === 'gitlab') {
    if (env.CMS_GITLAB_APP_ID) {
      backend.auth_type = 'pkce';
      backend.app_id = env.CMS_GITLAB_APP_ID;
    }
    if (env.CMS_API_ROOT) backend.base_url = new URL(env.CMS_API_ROOT).origin;
  }
  const settings: BackendSettings = {
    backend,
    localBackend: { url: env.CMS_LOCAL_BACKEND_URL ?? DEFAULT_LOCAL_BACKEND_URL },
    editorialWorkflow: env.CMS_EDITORIAL_WORKFLOW !== '0',
  };
  if (siteUrl !== undefined) settings.siteUrl = siteUrl;
  return settings;
}

/**
 * Extra CSP sources the admin page needs beyond the public site's policy: Decap compiles its config schema with
 * `new Function` (ajv) and styles itself with inline styles, and it talks to decap-server and the git host's API.
 * Only /admin/ gets these (src/pages/admin/index.astro); public pages keep the strict policy.
 */
export function adminCspSources(settings: BackendSettings): { connect: string[]; img: string[] } {
  // blob: because Decap reads every file chosen for upload through a blob: URL (AssetProxy.toBase64): without it
  // every upload fails with "Failed to persist media: TypeError: Failed to fetch", whatever the backend.
  const connect = new Set<string>(["'self'", 'blob:']);
  if (settings.localBackend !== undefined) connect.add(new URL(settings.localBackend.url).origin);
  const apiRoot = settings.backend.api_root;
  if (apiRoot !== undefined) connect.add(new URL(apiRoot).origin);
  else connect.add(settings.backend.name === 'gitlab' ? 'https://gitlab.com' : 'https://api.github.com');
  // Avatars and media previews come from the git host; new uploads are previewed from blob: URLs.
  return { connect: [...connect], img: ["'self'", 'data:', 'blob:', 'https:'] };
}
