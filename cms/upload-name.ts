/**
 * Safe names for uploaded files. Decap names an upload after the chosen file, with its ASCII slug rules: a clerk's
 * "三季度财务明细.pdf" would become ".pdf" (every Chinese character dropped), and two uploads could collide.
 * Every upload is renamed before Decap sees it: date, the ASCII part of the old name (if any), a random suffix and
 * the lower-case extension, e.g. "2026-11-24-fujian-3f9a.pdf" — what the attachment pattern of the schema accepts.
 */
export function uploadName(original: string, today: string, random: string): string {
  const dot = original.lastIndexOf('.');
  const extension =
    dot > 0
      ? original
          .slice(dot + 1)
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '')
      : '';
  const stem = (dot > 0 ? original.slice(0, dot) : original)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const base = `${today}-${stem === '' ? 'fujian' : stem}-${random}`;
  return extension === '' ? base : `${base}.${extension}`;
}

/** Today in China (the site's calendar), YYYY-MM-DD. */
function shanghaiToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/**
 * Renames the files of every file input before Decap's own change handler runs (a capture listener on the
 * document runs before React's listener on its root).
 */
export function renameUploads(): void {
  document.addEventListener(
    'change',
    (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== 'file' || input.files === null) return;
      const renamed = new DataTransfer();
      for (const file of input.files) {
        const random = crypto.getRandomValues(new Uint16Array(1))[0]?.toString(16).padStart(4, '0') ?? '0000';
        renamed.items.add(new File([file], uploadName(file.name, shanghaiToday(), random), { type: file.type }));
      }
      input.files = renamed.files;
    },
    true,
  );
}
