/**
 * Validate the whole content directory: read every file (encoding, syntax, file layout), run the content gate on
 * every entry and the rules between them, then scan the attachments. Returns every error at once (never stops at
 * the first), plus the parsed content. Used by `npm run validate`, by the build integration and by tests; the
 * CMS runs the same gate (`content-gate.ts` `checkEntry`) before each save.
 */
import { attachmentSafetyErrors, hasReadableText } from './attachment-safety.ts';
import { readContent, readUploads, type RawEntry } from './content-files.ts';
import { checkContent, parseContent as parseGateContent, sortErrors, type ValidationResult } from './content-gate.ts';
import type { Content } from './content-rules.ts';
import { publicContactPhones } from './content-safety.ts';
import type { ContentError } from './friendly-errors.ts';

export type { ValidationResult } from './content-gate.ts';

/** Validate raw entries (already read from disk, or built in memory by tests and importers): the content gate. */
export function validateEntries(raw: RawEntry[], today: string, readErrors: ContentError[] = []): ValidationResult {
  return checkContent(raw, today, readErrors);
}

/**
 * Typed content of entries the build has already validated (the post-build checks): the schemas only, without
 * repeating the safety scan and cross-file rules. Entries that do not parse are left out.
 */
export function parseContent(raw: RawEntry[]): Content {
  return parseGateContent(raw);
}

/** Read and validate a content directory: every entry, then the attachments in uploads/ (personal data). */
export async function validateContentDir(dir: string, today: string, projectRoot?: string): Promise<ValidationResult> {
  const { entries, errors } = readContent(dir, projectRoot);
  const result = checkContent(entries, today, errors);
  const attachments = await attachmentSafetyErrors(
    readUploads(dir, hasReadableText, projectRoot),
    publicContactPhones(entries),
  );
  return attachments.length === 0 ? result : { ...result, errors: sortErrors([...result.errors, ...attachments]) };
}
