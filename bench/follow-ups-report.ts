/** Result types, targets, checks and the printed section of the follow-up run (bench/follow-ups.ts). */
import type { Check } from './report.js';

export const FOLLOW_UP_TARGETS = {
  /** Follow-ups per second through addFollowUps (lists of 20) ÷ jobs per second through raw addBulk, same run. */
  throughputRatioMin: 0.5,
  /** Slowest 1% of nudges: Slack receives the message this long after the job's moment at most (ms). */
  latenessP99MaxMs: 1000,
} as const;

export interface RedisCommandCost {
  command: string;
  callsPerItem: number;
  usecPerItem: number;
}

/** CPU per item (ms) of each process involved, and Redis commands per item (script-internal ones included). */
export interface CostPerItem {
  /** The producing process: our app (addFollowUp) or the raw BullMQ client. */
  producerCpuMs: number;
  producerElu: number;
  redisCpuMs: number;
  redisCommands: number;
  /** Where Redis' time went (INFO commandstats), most first. */
  redisTop: RedisCommandCost[];
  /** The fake Slack Web API (the load generator's process), when the producer calls it. */
  slackCpuMs?: number;
}

export interface ScheduleRun {
  items: number;
  failed: number;
  firstError?: string;
  wallMs: number;
  perSec: number;
  cost: CostPerItem;
}

export interface MemoryResult {
  /** INFO used_memory growth ÷ items (bytes). */
  oursBytesPerItem: number;
  rawBytesPerItem: number;
  /** Of ours: follow-up hashes, owners' indexes and the scope index's growth (MEMORY USAGE, SAMPLES 0). */
  storeBytesPerItem: number;
  /** Of ours: the rest, i.e. BullMQ's job hash and delayed-set entry. */
  queueBytesPerItem: number;
}

export interface LatenessResult {
  items: number;
  windowMs: number;
  workers: number;
  /** Time from the last window item being queued to the first moment (ms; negative: queued too late). */
  headroomMs: number;
  received: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** p99 per consecutive slice of the window (by the moment's time). */
  p99BySliceMs: number[];
  /** Moments without a message, and with more than one. */
  missing: number;
  duplicated: number;
  /** Messages whose marker names no moment of the window. */
  unexpected: number;
  /** Window items still waiting for their window nudge afterwards (the handler moves each one on). */
  stuck: number;
  failedJobs: number;
  /** CPU per nudge (ms) of the two workers together and of Redis. */
  workerCpuMsPerNudge: number;
  redisCpuMsPerNudge: number;
  redisCommandsPerNudge: number;
  redisTop: RedisCommandCost[];
  slackCalls: Record<string, number>;
}

export interface FollowUpResult {
  collabs: number;
  collabsMs?: number;
  lanes: number;
  bulkChunk: number;
  ours?: ScheduleRun;
  slackCalls?: Record<string, number>;
  raw?: ScheduleRun;
  /** Diagnostics: BullMQ queue.add one job per call (same lanes), and addFollowUp with an in-process messenger. */
  rawEach?: ScheduleRun;
  oursStub?: ScheduleRun;
  /** Diagnostic: one follow-up per call (addFollowUp), with the fake Slack. */
  oursOne?: ScheduleRun;
  memory?: MemoryResult;
  lateness?: LatenessResult;
  notes: string[];
  error?: string;
}

const f0 = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? 'n/a' : Math.round(n).toLocaleString('en-US'));
const f2 = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(2));
const f3 = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(3));
const pct = (n: number): string => `${(n * 100).toFixed(0)}%`;
const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

export function followUpChecks(r: FollowUpResult): Check[] {
  const checks: Check[] = [];
  if (r.ours && r.raw) {
    const ratio = r.ours.perSec / r.raw.perSec;
    checks.push({
      name: 'follow-ups: scheduling rate ours ÷ raw addBulk',
      value: `${f2(ratio)} (${f0(r.ours.perSec)} vs ${f0(r.raw.perSec)}/s)`,
      target: `>= ${FOLLOW_UP_TARGETS.throughputRatioMin}`,
      pass: ratio >= FOLLOW_UP_TARGETS.throughputRatioMin,
    });
    checks.push({ name: 'follow-ups: adds that failed', value: String(r.ours.failed), target: '0', pass: r.ours.failed === 0 });
  }
  const l = r.lateness;
  if (l) {
    checks.push({
      name: 'follow-ups: nudge lateness p99',
      value: `${f0(l.p99Ms)} ms (p50 ${f0(l.p50Ms)}, max ${f0(l.maxMs)})`,
      target: `< ${FOLLOW_UP_TARGETS.latenessP99MaxMs} ms`,
      pass: l.received > 0 && l.p99Ms < FOLLOW_UP_TARGETS.latenessP99MaxMs,
    });
    const wrong = l.missing + l.duplicated;
    checks.push({
      name: 'follow-ups: moments without exactly 1 message',
      value: `${wrong} (missing ${l.missing}, twice ${l.duplicated}, stray ${l.unexpected})`,
      target: '0',
      pass: wrong === 0 && l.unexpected === 0,
    });
    checks.push({ name: 'follow-ups: items not moved on to next nudge', value: String(l.stuck), target: '0', pass: l.stuck === 0 });
  }
  return checks;
}

const topLine = (top: RedisCommandCost[]): string => top.map((t) => `${t.command} ${f2(t.callsPerItem)}× ${f0(t.usecPerItem)} µs`).join(', ');

function costLines(name: string, s: ScheduleRun): string[] {
  const c = s.cost;
  return [
    `   ${pad(name, 34)} CPU per item: producer ${f3(c.producerCpuMs)} ms (event loop busy ${pct(c.producerElu)}), Redis ${f3(c.redisCpuMs)} ms${c.slackCpuMs === undefined ? '' : `, fake Slack ${f3(c.slackCpuMs)} ms`}`,
    `   ${pad('', 34)} Redis commands per item ${f2(c.redisCommands)} (script-internal included); most time: ${topLine(c.redisTop)}`,
  ];
}

export function renderFollowUps(r: FollowUpResult, procedure: string[]): string[] {
  const out: string[] = ['== FOLLOW-UP SCHEDULING  (addFollowUps, lists of 20, against raw BullMQ addBulk; nudge lateness with two workers; Redis per follow-up)'];
  for (const line of procedure) out.push(`   ${line}`);
  if (r.error) out.push(`   ERROR: ${r.error}`);
  if (r.collabsMs !== undefined) out.push(`   ${r.collabs} collaborations started through startCollaboration in ${f0(r.collabsMs)} ms (not timed below)`);
  const row = (name: string, raw: string, ours: string, ratio = ''): string => `   ${pad(name, 34)}${lpad(raw, 17)}${lpad(ours, 17)}${lpad(ratio, 12)}`;
  if (r.ours && r.raw) {
    out.push(row('phase 1: scheduling', 'raw addBulk', 'ours', 'ours÷raw'));
    out.push(row('items queued ok / sent', `${f0(r.raw.items - r.raw.failed)}/${f0(r.raw.items)}`, `${f0(r.ours.items - r.ours.failed)}/${f0(r.ours.items)}`));
    out.push(row('items per second', f0(r.raw.perSec), f0(r.ours.perSec), f2(r.ours.perSec / r.raw.perSec)));
    out.push(row('wall time (ms)', f0(r.raw.wallMs), f0(r.ours.wallMs), f2(r.ours.wallMs / r.raw.wallMs)));
    if (r.ours.firstError) out.push(`   first failure: ${r.ours.firstError}`);
  }
  if (r.memory) {
    const m = r.memory;
    out.push(row('phase 3: Redis bytes per item', f0(m.rawBytesPerItem), f0(m.oursBytesPerItem), f2(m.oursBytesPerItem / m.rawBytesPerItem)));
    out.push(`   of ours: ${f0(m.storeBytesPerItem)} B the follow-up itself (item hash, owner index, scope index), ${f0(m.queueBytesPerItem)} B its queued nudge (BullMQ job)`);
  }
  out.push('   where the time goes (diagnostics, same run):');
  if (r.raw) out.push(...costLines('raw addBulk', r.raw));
  if (r.rawEach) out.push(...costLines(`raw queue.add, ${r.lanes} in flight`, r.rawEach), `   ${pad('', 34)} ${f0(r.rawEach.perSec)} items/s (${f2(r.rawEach.perSec / (r.raw?.perSec ?? Number.NaN))}× addBulk)`);
  if (r.ours) out.push(...costLines('ours (addFollowUps, 20 per call, fake Slack)', r.ours));
  if (r.slackCalls) out.push(`   ${pad('', 34)} Slack calls: ${Object.entries(r.slackCalls).map(([k, v]) => `${k} ${f0(v)}`).join(', ')}`);
  if (r.oursOne) {
    out.push(...costLines('ours, one per call (addFollowUp)', r.oursOne), `   ${pad('', 34)} ${f0(r.oursOne.perSec)} items/s (${f2(r.oursOne.perSec / (r.raw?.perSec ?? Number.NaN))}× addBulk) on ${f0(r.oursOne.items)} items`);
  }
  if (r.oursStub) {
    out.push(...costLines('ours, messenger in-process', r.oursStub), `   ${pad('', 34)} ${f0(r.oursStub.perSec)} items/s (${f2(r.oursStub.perSec / (r.raw?.perSec ?? Number.NaN))}× addBulk) on ${f0(r.oursStub.items)} items: the Slack calls' share`);
  }
  const l = r.lateness;
  if (l) {
    out.push(`   phase 2: ${f0(l.items)} nudges due within ${l.windowMs / 1000} s, ${l.workers} worker processes (buildApp, ROLE=worker); last one queued ${f0(l.headroomMs)} ms before the first moment`);
    out.push(`   lateness (fake Slack received − job's moment): p50 ${f0(l.p50Ms)} ms, p90 ${f0(l.p90Ms)} ms, p99 ${f0(l.p99Ms)} ms, max ${f0(l.maxMs)} ms; ${f0(l.received)} of ${f0(l.items)} moments reached Slack`);
    out.push(`   lateness p99 per ${l.windowMs / 1000 / l.p99BySliceMs.length} s of the window: ${l.p99BySliceMs.map((x) => f0(x)).join(', ')} ms`);
    out.push(`   messages per moment: missing ${l.missing}, twice or more ${l.duplicated}, stray ${l.unexpected}; failed jobs ${l.failedJobs}; items still waiting for their window nudge ${l.stuck}`);
    out.push(`   CPU per nudge: workers ${f3(l.workerCpuMsPerNudge)} ms, Redis ${f3(l.redisCpuMsPerNudge)} ms; Slack calls: ${Object.entries(l.slackCalls).map(([k, v]) => `${k} ${f0(v)}`).join(', ')}`);
    out.push(`   Redis commands per nudge ${f2(l.redisCommandsPerNudge)}; most time: ${topLine(l.redisTop)}`);
  }
  for (const n of r.notes) out.push(`   note: ${n}`);
  out.push('   checks:');
  for (const ch of followUpChecks(r)) out.push(`     ${ch.pass ? 'PASS' : 'FAIL'}  ${pad(ch.name.replace(/^follow-ups: /, ''), 46)} ${pad(ch.value, 24)} target ${ch.target}`);
  out.push('');
  return out;
}
