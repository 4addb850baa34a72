/** Result types, targets and the printed table. */
import type { Memory } from './child.js';
import type { LatencySummary } from './load.js';
import { formatTally, type Tally } from './tally.js';

export const TARGETS = {
  /** ours votes/s ÷ bare votes/s must be at least this. */
  throughputRatioMin: 0.7,
  /** ours p99 ÷ bare p99 must be at most this. */
  p99RatioMax: 1.5,
  /** consecutive updates of one shared card must be at least this far apart (ms). */
  minUpdateIntervalMs: 2000,
  /** the exact final tally must be on the card within this time after the last vote's response (ms). */
  finalTallyDelayMaxMs: 3000,
} as const;

export interface SystemResult {
  summary: LatencySummary;
  /** Server process memory after warm-up, right before the measured batch. */
  memBefore: Memory;
  /** Server process memory after the measured batch (and, for ours, after the card settled). */
  memAfter: Memory;
}

/** The shared card of one measured poll (one round of our system). */
export interface CardResult {
  /** Slack message ts / Teams activity id. */
  cardId: string;
  batchStartedAt: number;
  /** `Date.now()` of the last vote's HTTP response. */
  lastResponseAt: number;
  /** Arrival of the first update showing the exact final tally, if any. */
  finalAt?: number;
  expected: Tally;
  /** Updates of the card (chat.update / PUT) seen until the end of the run. */
  updates: number;
  /** Arrival of each update relative to the first vote of the batch (ms). */
  updateOffsetsMs: number[];
  minIntervalMs?: number;
  /** Last vote's HTTP response → arrival of the first update showing the exact final tally (ms). */
  finalDelayMs?: number;
  /** The last update of the card shows exactly the expected final tally. */
  finalExact: boolean;
  /** Updates that arrived after the first exact one (redundant work, informational). */
  updatesAfterFinal: number;
  /** Updates the fake platform answered with an error. */
  rejectedUpdates?: number;
  lastSeen: string;
  /**
   * Per update: arrival at the fake platform minus the worker's begin stamp (`last` in the refresh
   * marker) for that update. The product spaces begin stamps by minIntervalMs, so arrivals are spaced
   * by minIntervalMs plus the difference of these values.
   */
  beginToArrivalMs?: number[];
}

export interface RoundResult {
  bare: LatencySummary;
  ours: LatencySummary;
  /** Event-loop utilization (0..1) during each batch, of the server and of the load generator. */
  elu?: { bareServer: number; bareClient: number; oursServer: number; oursClient: number };
  card?: CardResult;
  notes?: string[];
}

export interface Check {
  name: string;
  value: string;
  target: string;
  pass: boolean;
}

export interface PlatformResult {
  platform: 'slack' | 'teams';
  bare?: SystemResult;
  ours?: SystemResult;
  /** Every measured round; the summaries above are medians over these. */
  rounds: RoundResult[];
  /** Platform-specific correctness checks (all requests answered, own vote shown, ...). */
  extraChecks: Check[];
  notes: string[];
  error?: string;
}

const f0 = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(0));
const f1 = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(1));
const pct = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? 'n/a' : `${(n * 100).toFixed(0)}%`);
const f2 = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(2));

/** The target checks of one platform (ratios, card interval, final tally). */
export function targetChecks(p: PlatformResult): Check[] {
  const checks: Check[] = [];
  if (p.bare && p.ours) {
    const tput = p.ours.summary.votesPerSec / p.bare.summary.votesPerSec;
    const p99 = p.ours.summary.p99Ms / p.bare.summary.p99Ms;
    checks.push({ name: 'votes/s ours ÷ bare', value: f2(tput), target: `>= ${TARGETS.throughputRatioMin}`, pass: tput >= TARGETS.throughputRatioMin });
    checks.push({ name: 'p99 ours ÷ bare', value: f2(p99), target: `<= ${TARGETS.p99RatioMax}`, pass: p99 <= TARGETS.p99RatioMax });
  }
  const cards = p.rounds.flatMap((r) => (r.card ? [r.card] : []));
  if (cards.length > 0) {
    const gaps = cards.flatMap((c) => (c.minIntervalMs === undefined ? [] : [c.minIntervalMs]));
    const minInterval = gaps.length ? Math.min(...gaps) : undefined;
    const delays = cards.map((c) => c.finalDelayMs);
    const worstDelay = delays.some((x) => x === undefined) ? undefined : Math.max(...(delays as number[]));
    const exact = cards.every((c) => c.finalExact);
    const perRound = (xs: (number | undefined)[]): string => xs.map((x) => (x === undefined ? 'never' : f0(x))).join('/');
    checks.push({
      name: 'min interval between card updates',
      value: minInterval === undefined ? 'n/a' : `${f0(minInterval)} ms (${perRound(cards.map((c) => c.minIntervalMs))})`,
      target: `>= ${TARGETS.minUpdateIntervalMs} ms`,
      pass: minInterval === undefined ? cards.every((c) => c.updates >= 1) : minInterval >= TARGETS.minUpdateIntervalMs,
    });
    checks.push({
      name: 'last vote → exact final tally on card',
      value: `${worstDelay === undefined ? 'never' : `${f0(worstDelay)} ms`} (${perRound(delays)})`,
      target: `<= ${TARGETS.finalTallyDelayMaxMs} ms`,
      pass: worstDelay !== undefined && worstDelay <= TARGETS.finalTallyDelayMaxMs,
    });
    checks.push({
      name: 'final card tally exact',
      value: exact ? `yes (${cards.length}/${cards.length} polls)` : `no: ${cards.filter((c) => !c.finalExact).map((c) => c.lastSeen).join(' | ')}`,
      target: 'yes',
      pass: exact,
    });
  }
  return [...checks, ...p.extraChecks];
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}
function lpad(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

/** A further section (the step-card run of bench/steps.ts): printed after the vote-path sections and counted in the RESULT line. */
export interface ExtraSection {
  lines: string[];
  /** Names already say what they belong to (e.g. 'slack steps: ...'). */
  checks: Check[];
  error: boolean;
}

/** The human-readable report. */
export function renderReport(platforms: PlatformResult[], header: string[], footer: string[], extra: ExtraSection[] = []): string {
  const out: string[] = [...header, ''];
  for (const p of platforms) {
    const title = p.platform === 'slack' ? 'SLACK  (signed block_actions → /slack/events; ack latency)' : 'TEAMS  (adaptiveCard/action invoke → /api/messages; invoke latency)';
    out.push(`== ${title}`);
    if (p.error) out.push(`   ERROR: ${p.error}`);
    const b = p.bare?.summary;
    const o = p.ours?.summary;
    const row = (name: string, bare: string, ours: string, ratio = ''): string =>
      `   ${pad(name, 30)}${lpad(bare, 12)}${lpad(ours, 12)}${lpad(ratio, 12)}`;
    out.push(row(`median of ${p.rounds.length} round(s)`, 'bare', 'ours', 'ours÷bare'));
    out.push(row('requests ok / sent', b ? `${b.ok}/${b.requests}` : 'n/a', o ? `${o.ok}/${o.requests}` : 'n/a'));
    out.push(row('p50 latency (ms)', f1(b?.p50Ms), f1(o?.p50Ms), b && o ? f2(o.p50Ms / b.p50Ms) : ''));
    out.push(row('p90 latency (ms)', f1(b?.p90Ms), f1(o?.p90Ms), b && o ? f2(o.p90Ms / b.p90Ms) : ''));
    out.push(row('p99 latency (ms)', f1(b?.p99Ms), f1(o?.p99Ms), b && o ? f2(o.p99Ms / b.p99Ms) : ''));
    out.push(row('max latency (ms)', f1(b?.maxMs), f1(o?.maxMs), ''));
    out.push(row('votes/s', f0(b?.votesPerSec), f0(o?.votesPerSec), b && o ? f2(o.votesPerSec / b.votesPerSec) : ''));
    out.push(row('batch wall time (ms)', f0(b?.wallMs), f0(o?.wallMs), ''));
    out.push(
      row(
        'server RSS MB (before→after)',
        p.bare ? `${f0(p.bare.memBefore.rssMb)}→${f0(p.bare.memAfter.rssMb)}` : 'n/a',
        p.ours ? `${f0(p.ours.memBefore.rssMb)}→${f0(p.ours.memAfter.rssMb)}` : 'n/a',
      ),
    );
    p.rounds.forEach((r, i) => {
      out.push(
        `   round ${i + 1}: votes/s ${f0(r.bare.votesPerSec)} vs ${f0(r.ours.votesPerSec)}, p50 ${f1(r.bare.p50Ms)} vs ${f1(r.ours.p50Ms)}, p99 ${f1(r.bare.p99Ms)} vs ${f1(r.ours.p99Ms)} ms (bare vs ours)` +
          (r.elu ? `; event loop busy: server ${pct(r.elu.bareServer)} vs ${pct(r.elu.oursServer)}, load generator ${pct(r.elu.bareClient)} vs ${pct(r.elu.oursClient)}` : ''),
      );
      for (const n of r.notes ?? []) out.push(`            ${n}`);
      const c = r.card;
      if (c) {
        out.push(
          `            card: ${c.updates} updates at +${c.updateOffsetsMs.map((t) => (t / 1000).toFixed(2)).join('s, +')}s; last response at +${((c.lastResponseAt - c.batchStartedAt) / 1000).toFixed(2)}s; last card: ${c.lastSeen}${c.updatesAfterFinal ? ` (${c.updatesAfterFinal} after the final one)` : ''}`,
        );
        out.push(
          `            refresh job start → update arrival: ${(c.beginToArrivalMs ?? []).map((x) => f0(x)).join(', ')} ms`,
        );
      }
    });
    const expected = p.rounds.find((r) => r.card)?.card?.expected;
    if (expected) out.push(`   expected final tally per poll: ${formatTally(expected)}`);
    for (const n of p.notes) out.push(`   note: ${n}`);
    out.push('   checks:');
    for (const ch of targetChecks(p)) {
      out.push(`     ${ch.pass ? 'PASS' : 'FAIL'}  ${pad(ch.name, 46)} ${pad(ch.value, 24)} target ${ch.target}`);
    }
    out.push('');
  }
  for (const e of extra) out.push(...e.lines);
  const all = [...platforms.flatMap((p) => targetChecks(p).map((c) => ({ ...c, name: `${p.platform}: ${c.name}` }))), ...extra.flatMap((e) => e.checks)];
  const failed = all.filter((c) => !c.pass);
  const errors = platforms.some((p) => p.error) || extra.some((e) => e.error);
  out.push(...footer);
  out.push(failed.length === 0 && !errors ? 'RESULT: all targets PASS' : `RESULT: ${failed.length} FAIL${errors ? ' (and errors)' : ''}: ${failed.map((c) => c.name).join('; ')}`);
  return out.join('\n');
}
