// Summaries of repeated timings, and pinning the whole process (every thread, V8's helpers and
// DuckDB's workers included) to one CPU with taskset, so "one core" means one core.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Summary {
  readonly runs: number;
  readonly median: number;
  readonly p10: number;
  readonly p90: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
}

/** Type-7 (linear) quantile of sorted values. */
function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const low = sorted[lower] ?? Number.NaN;
  const high = sorted[Math.ceil(position)] ?? Number.NaN;
  return low + (high - low) * (position - lower);
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median: quantile(sorted, 0.5),
    p10: quantile(sorted, 0.1),
    p90: quantile(sorted, 0.9),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
  };
}

/** CPU time of the whole process so far (user + system, every thread), in milliseconds. */
export function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Wall-clock and process CPU time of some work. On a shared machine the CPU time is the steadier
 * figure for single-threaded work: it leaves out the time other processes held the core.
 */
export async function timed<T>(work: () => T | Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpuStarted = processCpuMs();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  return { ms, cpuMs: processCpuMs() - cpuStarted, value };
}

/** Polling interval and limit of {@link settle}. */
const SETTLE_STEP_MS = 5;
const SETTLE_LIMIT_MS = 2000;

/**
 * Waits until the process is idle: until, over a 5 ms interval, its threads together used under
 * 10 % of one core (at most 2 s). A forced full GC leaves V8's helper threads sweeping and
 * unmapping memory for tens of milliseconds after it returns; waiting for them before a timed run
 * keeps that work (the pause's, not the run's) out of the run's wall-clock and CPU time, while
 * everything the run itself causes, its own collections included, stays in. Returns the ms waited.
 */
export async function settle(): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < SETTLE_LIMIT_MS) {
    const cpuBefore = processCpuMs();
    const wallBefore = performance.now();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_STEP_MS));
    if (processCpuMs() - cpuBefore < 0.1 * (performance.now() - wallBefore)) break;
  }
  return performance.now() - started;
}

/**
 * A timed run of an engine: wall-clock time of the work, and process CPU time from its start until
 * the process is idle again (`settle`), so that background work the run left going (V8 sweeping
 * after the run's own collections, compiler threads, an engine's workers winding down) counts as
 * the run's. `trailingCpuMs` is that part.
 */
export async function timedRun<T>(work: () => T | Promise<T>): Promise<{ ms: number; cpuMs: number; trailingCpuMs: number; value: T }> {
  const cpuStarted = processCpuMs();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  const cpuAtEnd = processCpuMs();
  await settle();
  const cpuMs = processCpuMs() - cpuStarted;
  return { ms, cpuMs, trailingCpuMs: processCpuMs() - cpuAtEnd, value };
}

/** The CPUs each thread of this process may run on (Linux), e.g. ['0', '0', …] or ['0-1', …]. */
export function threadAffinities(): string[] {
  try {
    return readdirSync('/proc/self/task').map((task) => {
      const status = readFileSync(`/proc/self/task/${task}/status`, 'utf8');
      return /Cpus_allowed_list:\s*(\S+)/.exec(status)?.[1] ?? '?';
    });
  } catch {
    return [];
  }
}

/** Sets the CPU affinity of every thread of this process (`taskset -a -p -c <cpus> <pid>`). */
export function pinProcess(cpus: string): boolean {
  try {
    execFileSync('taskset', ['-a', '-p', '-c', cpus, String(process.pid)], { stdio: 'ignore' });
    return threadAffinities().every((affinity) => affinity === cpus);
  } catch {
    return false;
  }
}
