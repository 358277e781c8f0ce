/**
 * Names and clean-up of the temporary folders `npm run build` (scripts/build.ts) keeps beside its output folder:
 * `.dist.building-<pid>` (the new site while it is built and checked) and `.dist.old-<pid>` (the previous site for
 * the instant of the swap). Pure: the script does the renames and deletes.
 */

export function stagingName(base: string, pid: number): string {
  return `.${base}.building-${pid}`;
}

export function previousName(base: string, pid: number): string {
  return `.${base}.old-${pid}`;
}

export type LeftoverAction = { name: string; action: 'remove' | 'restore' };

/**
 * What to do with the folders a killed run left beside output `base`: a half-built site was never served and is
 * removed; a previous site moved aside by a run killed between the two renames of the swap is restored when the
 * output folder is missing (and removed otherwise). Folders of runs still alive (`running`) are left alone.
 */
export function leftoverActions(
  names: readonly string[],
  base: string,
  outputExists: boolean,
  running: (pid: number) => boolean,
): LeftoverAction[] {
  const actions: LeftoverAction[] = [];
  let restored = outputExists;
  for (const name of [...names].sort()) {
    const m = /^\.(.+)\.(building|old)-(\d+)$/.exec(name);
    if (m === null || m[1] !== base || running(Number(m[3]))) continue;
    if (m[2] === 'old' && !restored) {
      actions.push({ name, action: 'restore' });
      restored = true;
    } else {
      actions.push({ name, action: 'remove' });
    }
  }
  return actions;
}
