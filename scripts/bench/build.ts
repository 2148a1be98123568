/** The production build: reused while `.next/BUILD_ID` is newer than every source it is made from. */
import fs from 'node:fs';
import path from 'node:path';
import { spawnGroup, waitForExit } from './processes';

/** What a build is made from. Besides the app's code, the config files that change its output. */
export const buildInputs = [
  'app',
  'components',
  'lib',
  'db',
  'public',
  'proxy.ts',
  'next.config.ts',
  'postcss.config.mjs',
  'tsconfig.json',
  'package-lock.json',
];

function newestUnder(full: string): { file: string; mtimeMs: number } | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch {
    return null;
  }
  if (!stat.isDirectory()) return { file: full, mtimeMs: stat.mtimeMs };
  let newest: { file: string; mtimeMs: number } | null = null;
  for (const entry of fs.readdirSync(full)) {
    const found = newestUnder(path.join(full, entry));
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

/** Why a build is needed, or null when the existing one is current. */
export function staleBuildReason(root: string): string | null {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  let built: number;
  try {
    built = fs.statSync(buildId).mtimeMs;
  } catch {
    return 'no production build (.next/BUILD_ID)';
  }
  for (const input of buildInputs) {
    const newest = newestUnder(path.join(root, input));
    if (newest && newest.mtimeMs > built) return `${path.relative(root, newest.file)} is newer than the build`;
  }
  return null;
}

export async function build(root: string, env: NodeJS.ProcessEnv): Promise<void> {
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const child = spawnGroup(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit', env });
  const code = await waitForExit(child);
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
}
