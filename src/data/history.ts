/** Git change history of the content folder, for "更新于" lines, change logs and statistics revisions. */
import { contentDir } from '~/lib/content/content-files.ts';
import { loadChangeHistory, type ChangeHistory } from '~/lib/record/change-history.ts';
import { oncePerBuild } from './once.ts';

/** The git history of every content file: one `git log` per build. */
export const getChangeHistory: () => Promise<ChangeHistory> = oncePerBuild(() => loadChangeHistory(contentDir()));
