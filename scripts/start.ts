/**
 * `npm start`: migrate, seed an empty store, build when there is no build, then serve.
 * One command on a fresh machine, nothing by hand.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { prepareDb } from './prepare-db';
import { ensureSecrets } from './secrets';

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

await prepareDb();
ensureSecrets();

if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.log('[courier] no production build yet: building (about a minute)…');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT || '3000';
console.log(`[courier] serving on http://localhost:${port}`);
const server = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs')], {
  stdio: 'inherit',
  env: { ...process.env, PORT: port, NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
