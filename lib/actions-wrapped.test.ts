import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every export of every 'use server' file must be built by action()/formAction(): a bare
// exported function would be a server endpoint with no validation and no authorization.
function serverFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && /^\s*['"]use server['"]/.test(fs.readFileSync(full, 'utf8')) ? [full] : [];
  });
}

describe('server actions', () => {
  const files = serverFiles(path.resolve('app'));
  it('exist', () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(`${path.relative(process.cwd(), file)} exports only wrapped actions`, () => {
      const source = fs.readFileSync(file, 'utf8');
      const exports = [...source.matchAll(/^export\s+(.*)$/gm)].map((m) => m[1]!);
      expect(exports.length).toBeGreaterThan(0);
      for (const line of exports) expect(line).toMatch(/^const \w+ = (action|formAction)\(/);
    });
  }
});
