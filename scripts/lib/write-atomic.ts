/**
 * Write files so that an interrupted run never leaves a half-written one: each goes to a temporary dot-name in the
 * same folder (readContent only reads visible *.json/*.md), then is renamed over its final name.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function writeAtomic(destination: string, text: string): void {
  const temporary = path.join(path.dirname(destination), `.${path.basename(destination)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, destination);
  } finally {
    rmSync(temporary, { force: true });
  }
}
