/** Result types, targets, checks and the printed section of the step-card run (bench/steps.ts). */
import type { LatencySummary } from './load.js';
import type { Check } from './report.js';

export const STEP_TARGETS = {
  /** Consecutive updates of one step card at least this far apart (ms): the product's refresh interval. */
  minUpdateGapMs: 2000,
  /**
   * Allowed shortfall on that gap (ms). Gaps are measured at the fake platform, while the product
   * spaces its refreshes by Redis clock stamps; the time from a refresh's start to its update
   * reaching the fake varies by a few ms per update, so two arrivals can be a little closer than
   * the product's spacing without any refresh having started early.
   */
  gapToleranceMs: 50,
  /** The exact final progress on the card within this time after the last answer's response (ms). */
  finalProgressDelayMaxMs: 3000,
  /** Redis memory of one collaboration with stap 1-4 each answered by 40 members (KB). */
  redisKbMax: 200,
  /** Slack drops a view_submission that is not acknowledged within 3 s (the modal shows an error). */
  slackAckMaxMs: 3000,
} as const;

export interface StepCardResult {
  cardId: string;
  updates: number;
  /** Arrival of each update relative to the first answer being sent (ms); negative: before the burst. */
  updateOffsetsMs: number[];
  minGapMs?: number;
  /** Last answer's HTTP response → arrival of the first update showing the exact final progress (ms). */
  finalDelayMs?: number;
  /** The last update of the card shows the exact final progress. */
  finalExact: boolean;
  /** Updates after the first exact one (redundant work, informational). */
  updatesAfterFinal: number;
  /** Updates the fake platform refused. */
  rejected: number;
  /** Progress line of the last update, or '(none)'. */
  lastProgress: string;
}

export interface RedisFootprint {
  keys: number;
  bytes: number;
  /** This collaboration's share of the scope's key index (a shared sorted set; not in `bytes`). */
  indexShareBytes: number;
  /** MEMORY USAGE per key, by short name (answers:2, history, thread, channel, ...). */
  byKey: Record<string, number>;
}

export interface StepRoundResult {
  /** Ack latency of the stap 2 burst. */
  bare: LatencySummary;
  ours: LatencySummary;
  /** Our answers (stap 1-4) acknowledged as saved, of `sent`. */
  saved: number;
  sent: number;
  /** HLEN of the answers hash of stap 1, 2, 3, 4 at the end of the round. */
  stored: number[];
  card: StepCardResult;
  /** The root card, refreshed by stap 2's answers and every posted step (informational). */
  rootCard: { updates: number; minGapMs?: number };
  redis: RedisFootprint;
  notes: string[];
}

export interface StepPlatformResult {
  platform: 'slack' | 'teams';
  /** How the answers arrive, for the section title. */
  request: string;
  members: number;
  /** The progress line the card must end with, e.g. "40 van 40 leden antwoordden". */
  expectedProgress: string;
  rounds: StepRoundResult[];
  /** Medians over rounds of the stap 2 burst. */
  bare?: LatencySummary;
  ours?: LatencySummary;
  notes: string[];
  error?: string;
}

const f0 = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(0));
const f1 = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(1));
const f2 = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(2));
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
/** Signed seconds; a few ms either side of 0 print as +0.00s, not -0.00s. */
const seconds = (ms: number): string => {
  const s = (ms / 1000).toFixed(2);
  return s.startsWith('-') && s !== '-0.00' ? `${s}s` : `+${s.replace('-', '')}s`;
};

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const perRound = (xs: (number | undefined)[]): string => xs.map((x) => (x === undefined ? 'never' : f0(x))).join('/');

/** Pass/fail per target; gaps, delays and memory must hold in every round (like the poll run's card checks). */
export function stepChecks(p: StepPlatformResult): Check[] {
  const checks: Check[] = [];
  const rounds = p.rounds;
  if (rounds.length === 0) return checks;
  const gaps = rounds.map((r) => r.card.minGapMs);
  const knownGaps = gaps.filter((g): g is number => g !== undefined);
  const minGap = knownGaps.length ? Math.min(...knownGaps) : undefined;
  const gapFloor = STEP_TARGETS.minUpdateGapMs - STEP_TARGETS.gapToleranceMs;
  checks.push({
    name: 'step card: min gap between updates',
    value: `${minGap === undefined ? 'n/a' : `${f0(minGap)} ms`} (${perRound(gaps)})`,
    target: `>= ${gapFloor} ms (${STEP_TARGETS.minUpdateGapMs} - ${STEP_TARGETS.gapToleranceMs} tolerance)`,
    pass: rounds.every((r) => r.card.updates >= 1) && (minGap === undefined || minGap >= gapFloor),
  });
  const delays = rounds.map((r) => r.card.finalDelayMs);
  const worst = delays.some((d) => d === undefined) ? undefined : Math.max(...(delays as number[]));
  checks.push({
    name: 'last answer → exact final progress on card',
    value: `median ${f0(median(delays.filter((d): d is number => d !== undefined)))} ms, worst ${worst === undefined ? 'never' : `${f0(worst)} ms`} (${perRound(delays)})`,
    target: `<= ${STEP_TARGETS.finalProgressDelayMaxMs} ms`,
    pass: worst !== undefined && worst <= STEP_TARGETS.finalProgressDelayMaxMs,
  });
  const exact = rounds.every((r) => r.card.finalExact);
  checks.push({
    name: 'step card ends on the exact progress',
    value: exact ? `yes (${rounds.length}/${rounds.length})` : `no: ${rounds.map((r) => r.card.lastProgress).join(' | ')}`,
    target: `"${p.expectedProgress}"`,
    pass: exact,
  });
  const bytes = rounds.map((r) => r.redis.bytes);
  const maxBytes = Math.max(...bytes);
  checks.push({
    name: 'Redis per collaboration (stap 1-4 × 40)',
    value: `median ${kb(median(bytes)!)}, max ${kb(maxBytes)} (${bytes.map((b) => (b / 1024).toFixed(1)).join('/')})`,
    target: `< ${STEP_TARGETS.redisKbMax} KB`,
    pass: maxBytes < STEP_TARGETS.redisKbMax * 1024,
  });
  if (p.platform === 'slack' && p.ours) {
    const worstP99 = Math.max(...rounds.map((r) => r.ours.p99Ms));
    checks.push({ name: "ours: ack p99 within Slack's 3 s limit", value: `worst round ${f1(worstP99)} ms`, target: `< ${STEP_TARGETS.slackAckMaxMs} ms`, pass: worstP99 < STEP_TARGETS.slackAckMaxMs });
  }
  const saved = rounds.reduce((n, r) => n + r.saved, 0);
  const sent = rounds.reduce((n, r) => n + r.sent, 0);
  checks.push({ name: 'ours: every answer acknowledged as saved', value: `${saved}/${sent}`, target: 'all (stap 1-4)', pass: saved === sent });
  const storedOk = rounds.every((r) => r.stored.length === 4 && r.stored.every((n) => n === p.members));
  checks.push({ name: 'ours: answers stored per step', value: rounds.map((r) => r.stored.join(',')).join(' | '), target: `${p.members} each`, pass: storedOk });
  const bareOk = rounds.reduce((n, r) => n + r.bare.ok, 0);
  const bareSent = rounds.reduce((n, r) => n + r.bare.requests, 0);
  checks.push({ name: 'bare: every request answered 200', value: `${bareOk}/${bareSent}`, target: 'all', pass: bareOk === bareSent });
  const rejected = rounds.reduce((n, r) => n + r.card.rejected, 0);
  const updates = rounds.reduce((n, r) => n + r.card.updates, 0);
  checks.push({ name: 'step card updates accepted by the platform', value: `${updates - rejected} of ${updates}`, target: 'all', pass: rejected === 0 });
  return checks;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}
function lpad(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

/** The printed section of one platform. */
export function renderSteps(p: StepPlatformResult, procedure: string[]): string[] {
  const out: string[] = [`== ${p.platform.toUpperCase()} STEP CARD  (${p.request})`];
  for (const line of procedure) out.push(`   ${line}`);
  if (p.error) out.push(`   ERROR: ${p.error}`);
  const b = p.bare;
  const o = p.ours;
  const row = (name: string, bare: string, ours: string, ratio = ''): string => `   ${pad(name, 30)}${lpad(bare, 12)}${lpad(ours, 12)}${lpad(ratio, 12)}`;
  out.push(row(`stap 2 burst, median of ${p.rounds.length}`, 'bare', 'ours', 'ours÷bare'));
  out.push(row('answers ok / sent', b ? `${b.ok}/${b.requests}` : 'n/a', o ? `${o.ok}/${o.requests}` : 'n/a'));
  out.push(row('ack p50 (ms)', f1(b?.p50Ms), f1(o?.p50Ms), b && o ? f2(o.p50Ms / b.p50Ms) : ''));
  out.push(row(`ack p99 (ms) (= slowest of ${p.members})`, f1(b?.p99Ms), f1(o?.p99Ms), b && o ? f2(o.p99Ms / b.p99Ms) : ''));
  out.push(row('burst wall time (ms)', f0(b?.wallMs), f0(o?.wallMs), b && o ? f2(o.wallMs / b.wallMs) : ''));
  p.rounds.forEach((r, i) => {
    const c = r.card;
    out.push(
      `   round ${i + 1}: ack p50 ${f1(r.bare.p50Ms)} vs ${f1(r.ours.p50Ms)}, p99 ${f1(r.bare.p99Ms)} vs ${f1(r.ours.p99Ms)} ms (bare vs ours); Redis ${kb(r.redis.bytes)} in ${r.redis.keys} keys (+${kb(r.redis.indexShareBytes)} share of the scope index)`,
    );
    out.push(
      `            step card: ${c.updates} updates at ${c.updateOffsetsMs.map(seconds).join(', ')} (0 = first answer sent); min gap ${f0(c.minGapMs)} ms; final progress ${c.finalDelayMs === undefined ? 'never' : `${f0(c.finalDelayMs)} ms`} after the last response${c.updatesAfterFinal ? ` (${c.updatesAfterFinal} update(s) after it)` : ''}; last: "${c.lastProgress}"`,
    );
    out.push(`            root card: ${r.rootCard.updates} updates in the round, min gap ${f0(r.rootCard.minGapMs)} ms`);
    for (const n of r.notes) out.push(`            ${n}`);
  });
  if (p.rounds.length > 0) {
    const med = (xs: (number | undefined)[]): number | undefined => median(xs.filter((x): x is number => x !== undefined));
    out.push(
      `   medians: step card updates ${f0(med(p.rounds.map((r) => r.card.updates)))}, min gap ${f0(med(p.rounds.map((r) => r.card.minGapMs)))} ms, final-progress delay ${f0(med(p.rounds.map((r) => r.card.finalDelayMs)))} ms, Redis ${kb(med(p.rounds.map((r) => r.redis.bytes))!)} per collaboration`,
    );
    const keys = Object.entries(p.rounds[0]!.redis.byKey).sort((x, y) => y[1] - x[1]);
    out.push(`   Redis by key (round 1): ${keys.map(([k, v]) => `${k} ${kb(v)}`).join(', ')}`);
  }
  for (const n of p.notes) out.push(`   note: ${n}`);
  out.push('   checks:');
  for (const ch of stepChecks(p)) out.push(`     ${ch.pass ? 'PASS' : 'FAIL'}  ${pad(ch.name, 46)} ${pad(ch.value, 24)} target ${ch.target}`);
  out.push('');
  return out;
}
