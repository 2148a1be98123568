/**
 * Child processes of the benchmark. Each is started in its own process group (detached), so one
 * signal to the group reaches everything it started (npm → sh → tsx → node, or next's workers), and
 * all of them are ended on the way out: normally, on an error, on Ctrl-C, or on SIGTERM.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

const live = new Set<ChildProcess>();
const cleanups: Array<() => void | Promise<void>> = [];
let interrupted = false;

export function isInterrupted(): boolean {
  return interrupted;
}

/** Runs `fn` when the benchmark is interrupted, before the children are killed (e.g. stop a load run). */
export function onInterrupt(fn: () => void | Promise<void>): void {
  cleanups.push(fn);
}

export function spawnGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  live.add(child);
  child.once('exit', () => live.delete(child));
  // A failed spawn emits 'error' and never 'exit'.
  child.once('error', () => live.delete(child));
  return child;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** SIGTERM to the child's group, SIGKILL after `graceMs`; resolves once the child has exited. */
export async function killGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.pid === undefined) return;
  signalGroup(child, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), graceMs)));
  const outcome = await Promise.race([exited(child), timedOut]);
  clearTimeout(timer);
  // The group may hold more than the leader (workers): make sure nothing outlives it.
  signalGroup(child, 'SIGKILL');
  if (outcome === 'timeout') await exited(child);
  live.delete(child);
}

export async function killAll(): Promise<void> {
  await Promise.all([...live].map((child) => killGroup(child)));
}

/** Resolves with the exit code (or 1 for a signal); rejects if the command could not start. */
export function waitForExit(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

let installed = false;

/** Ctrl-C / SIGTERM: stop what runs, kill every child group, exit 130/143. Exit: SIGKILL leftovers. */
export function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.on(signal, () => {
      if (interrupted) return; // a second Ctrl-C while shutting down: let the first finish
      interrupted = true;
      console.error(`\nbench: ${signal}, shutting down…`);
      void (async () => {
        for (const fn of cleanups) {
          try {
            await fn();
          } catch {
            // best effort
          }
        }
        await killAll();
        process.exit(code);
      })();
    });
  }
  process.on('exit', () => {
    for (const child of live) signalGroup(child, 'SIGKILL');
  });
}
