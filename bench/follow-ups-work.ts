/**
 * What the follow-up run's processes share: the generated people, collaborations and items, and
 * forking a child (bench/follow-ups-child.ts) with a promise per task and timeouts everywhere.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { NewFollowUp } from '../src/app/follow-ups/manage-follow-ups.js';
import { localDate } from '../src/app/follow-ups/nudge-times.js';
import type { FollowUp, NudgeKind } from '../src/domain/follow-up.js';
import { closeChild, pinning } from './child.js';

export interface ChildSpec {
  role: 'producer' | 'raw' | 'worker';
  redisUrl: string;
  slackApiUrl?: string;
  team: string;
}

/** One nudge job, as the product queued it: the raw baseline queues the same ones. */
export interface JobSpec {
  collabId: string;
  itemId: string;
  kind: NudgeKind;
  at: number;
}

/** A timed task in a child: wall time, the child's CPU time and its event-loop utilization. */
export interface TaskRun {
  wallMs: number;
  cpuMs: number;
  elu: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const ZONE = 'Europe/Brussels';
/** People per collaboration: member 0 starts it (and adds its items), members 1..9 own them. */
export const MEMBERS = 10;

export const collabChannel = (c: number): string => `CFU${String(c).padStart(5, '0')}`;
export const memberOf = (c: number, k: number): string => `UF${String(c).padStart(5, '0')}M${k}`;

const TEXTS = [
  'Offerte van de drukker opvragen voor de flyers van de huiswerkklas',
  'Lokaal in de bib vastleggen voor de woensdagnamiddagen tot de zomer',
  'Vrijwilligers van de buurtwerking uitnodigen voor het kennismakingsmoment',
  'Afspraken over het gebruik van de laptops op papier zetten',
  'Budgetvoorstel bespreken met de schepen van onderwijs',
  'Ouders van de derde graad informeren via de nieuwsbrief',
  'Evaluatieformulier opstellen voor de leerkrachten',
  'Contactpersoon bij het CLB navragen',
];

/** Follow-up n of collaboration c: due 1 to 60 days ahead, owned by one of its members. */
export function newItem(n: number, c: number, now: number): NewFollowUp {
  return {
    text: `${TEXTS[n % TEXTS.length]!} (${n})`,
    owner: { id: memberOf(c, 1 + (n % (MEMBERS - 1))) },
    due: localDate(now + (1 + (n % 60)) * DAY_MS, ZONE),
    ...(n % 3 === 0 ? { link: 'decision' as const } : {}),
  };
}

/**
 * Window item i: waiting for its 'soon' nudge at `at` (a moment within the next minute), due ten
 * days later, so the handler moves it on to a real 9:00 nudge once the window one is sent.
 */
export function dueItem(i: number, collabIds: string[], id: string, at: number): FollowUp {
  const c = i % collabIds.length;
  return {
    id,
    collabId: collabIds[c]!,
    text: `${TEXTS[i % TEXTS.length]!} (venster ${i})`,
    owner: { id: memberOf(c, 1 + (i % (MEMBERS - 1))) },
    due: localDate(at + 10 * DAY_MS, ZONE),
    status: 'open',
    createdBy: { id: memberOf(c, 0) },
    createdAt: Date.now(),
    next: { kind: 'soon', at },
  };
}

const ENTRY = fileURLToPath(new URL('./follow-ups-child.ts', import.meta.url));
const READY_TIMEOUT_MS = 30_000;
const CLOSE_TIMEOUT_MS = 15_000;
const live = new Set<ChildProcess>();
let hookInstalled = false;

export interface WorkChild {
  readonly pid: number;
  call<T>(name: string, args: unknown, timeoutMs: number): Promise<T>;
  close(): Promise<void>;
}

/** Kills every follow-up child still running (the watchdog's and process exit's last word). */
export function killWorkChildren(): void {
  for (const c of live) c.kill('SIGKILL');
  live.clear();
}

type Reply = { type: 'ready' } | { type: 'closed' } | { type: 'result'; id: number; value: unknown } | { type: 'error'; id?: number; message: string };

/**
 * `profileDir` writes a .cpuprofile of the child there when it exits (`npm run bench -- --profile`).
 * `pin: false` leaves the child to the OS scheduler on every core (the two workers of phase 2).
 */
export async function forkWork(spec: ChildSpec, profileDir?: string, pin = true): Promise<WorkChild> {
  if (!hookInstalled) {
    hookInstalled = true;
    process.on('exit', killWorkChildren);
  }
  const execArgv = ['--import', 'tsx', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}/follow-ups-${spec.role}`] : [])];
  const child = fork(ENTRY, [JSON.stringify(spec)], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  // Same layout as the other runs: the system under test on the last core (bench/child.ts).
  // A fork inherits the load generator's cores: an unpinned child is given all of them back.
  const cores = pin ? String(cpus().length - 1) : `0-${cpus().length - 1}`;
  if (pinning.enabled && child.pid) execFileSync('taskset', ['-a', '-cp', cores, String(child.pid)], { stdio: 'ignore' });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const failAll = (err: Error): void => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${spec.role}: not ready within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
    child.on('message', (m: Reply) => {
      if (m.type === 'ready') {
        clearTimeout(timer);
        resolve();
      } else if (m.type === 'result') {
        pending.get(m.id)?.resolve(m.value);
        pending.delete(m.id);
      } else if (m.type === 'error' && m.id !== undefined) {
        pending.get(m.id)?.reject(new Error(`${spec.role}: ${m.message}`));
        pending.delete(m.id);
      } else if (m.type === 'error') {
        clearTimeout(timer);
        reject(new Error(`${spec.role} failed to start: ${m.message}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      const err = new Error(`${spec.role} exited (code ${code})`);
      reject(err);
      failAll(err);
    });
  });
  try {
    await ready;
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    pid: child.pid ?? 0,
    call<T>(name: string, args: unknown, timeoutMs: number): Promise<T> {
      const id = ++nextId;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${spec.role}: task '${name}' took longer than ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, {
          resolve: (v) => {
            clearTimeout(timer);
            resolve(v as T);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        });
        child.send({ type: 'task', id, name, args });
      });
    },
    close: () => closeChild(child, CLOSE_TIMEOUT_MS),
  };
}
