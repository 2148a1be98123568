import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '@/db/open';
import { importCapture } from './import-capture';
import { parseCapture } from './parse-capture';

export interface RunImportOptions {
  /** The capture time of every file; without it, each file's modification time. */
  capturedAt?: Date;
  onProgress?(done: number, total: number, file: string): void;
}

export interface RunImportSummary {
  imported: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** One `file:line: message` per failed file (`file: message` when no line applies). */
  errors: string[];
}

/**
 * Imports capture files and directories of them (their *.txt, by name). A file that cannot be
 * read, parsed or written is reported and skipped; the others still import.
 */
export async function runImport(db: Db, paths: string[], opts: RunImportOptions = {}): Promise<RunImportSummary> {
  const summary: RunImportSummary = { imported: 0, updated: 0, unchanged: 0, failed: 0, errors: [] };
  const files = await expandPaths(paths, summary);
  for (const [i, file] of files.entries()) {
    const error = await importFile(db, file, opts.capturedAt, summary);
    if (error) {
      summary.failed++;
      summary.errors.push(error);
    }
    opts.onProgress?.(i + 1, files.length, file);
  }
  return summary;
}

async function expandPaths(paths: string[], summary: RunImportSummary): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    try {
      const stat = await fs.stat(given);
      if (!stat.isDirectory()) {
        files.push(given);
        continue;
      }
      const names = (await fs.readdir(given)).filter((n) => n.endsWith('.txt')).sort();
      files.push(...names.map((n) => path.join(given, n)));
    } catch (err) {
      summary.failed++;
      summary.errors.push(`${given}: ${messageOf(err)}`);
    }
  }
  return files;
}

/** Returns the error line for a file that failed, nothing for one that was handled. */
async function importFile(db: Db, file: string, capturedAt: Date | undefined, summary: RunImportSummary): Promise<string | null> {
  const name = path.basename(file);
  try {
    const bytes = await fs.readFile(file);
    const when = capturedAt ?? (await fs.stat(file)).mtime;
    // Not fatal: invalid bytes become U+FFFD, which the parser reports as "not a UTF-8 text file".
    const text = new TextDecoder('utf-8').decode(bytes);
    const parsed = parseCapture(text, { fileName: name, capturedAt: when });
    if (!parsed.ok) return `${name}:${parsed.error.line}: ${parsed.error.message}`;
    const sourceHash = createHash('sha256').update(bytes).digest('hex');
    summary[importCapture(db, parsed.capture, { sourceKey: name, sourceHash })]++;
    return null;
  } catch (err) {
    return `${name}: ${messageOf(err)}`;
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
