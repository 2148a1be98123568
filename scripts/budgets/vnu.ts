/**
 * The W3C Nu HTML checker (npm `vnu-jar`, run with the machine's `java -jar`) over the HTML the server
 * sends for each page type (not the DOM after scripts ran: that is axe's part, in
 * e2e/accessibility.spec.ts). Errors and warnings fail unless a filter of targets.ts says why not;
 * plain "info" messages are counted only.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { VNU_FILTERS } from './targets';

export interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  message: string;
  extract?: string;
  url?: string;
  firstLine?: number;
  firstColumn?: number;
}

export interface VnuPage {
  page: string;
  errors: VnuMessage[];
  warnings: VnuMessage[];
  /** Errors and warnings a filter let through, with the filter's reason. */
  filtered: Array<{ message: string; reason: string }>;
  info: number;
}

export function vnuJar(): string {
  return String(createRequire(import.meta.url)('vnu-jar'));
}

function run(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Checks each page's HTML (name → document) in one run of the checker. */
export async function checkHtml(documents: Map<string, string>): Promise<VnuPage[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-vnu-'));
  try {
    const files = new Map<string, string>();
    for (const [name, html] of documents) {
      const file = path.join(dir, `${name.replace(/[^a-z0-9-]/gi, '_')}.html`);
      fs.writeFileSync(file, html);
      files.set(file, name);
    }
    const java = process.env.JAVA ?? 'java';
    // Exit status 1 just means "found something": read the JSON report (stdout with --stdout).
    const { stdout, stderr } = await run(java, ['-jar', vnuJar(), '--format', 'json', '--stdout', ...files.keys()]);
    let report: { messages: VnuMessage[] };
    try {
      report = JSON.parse(stdout) as { messages: VnuMessage[] };
    } catch {
      throw new Error(`the Nu HTML checker gave no report (is Java installed?): ${(stderr || stdout).slice(0, 500)}`);
    }
    const pages = new Map<string, VnuPage>([...files.values()].map((name) => [name, { page: name, errors: [], warnings: [], filtered: [], info: 0 }]));
    for (const m of report.messages) {
      const file = m.url ? decodeURIComponent(new URL(m.url).pathname) : '';
      const entry = pages.get(files.get(file) ?? '');
      if (!entry) throw new Error(`Nu HTML checker: ${m.type}: ${m.message}`);
      const failing = m.type !== 'info' || m.subType === 'warning';
      if (!failing) {
        entry.info += 1;
        continue;
      }
      const filter = VNU_FILTERS.find((f) => f.pattern.test(m.message) && (!f.pages || f.pages.includes(entry.page)));
      if (filter) entry.filtered.push({ message: m.message, reason: filter.reason });
      else if (m.type === 'info') entry.warnings.push(m);
      else entry.errors.push(m);
    }
    return [...pages.values()];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
