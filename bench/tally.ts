/** Deterministic votes and reading the tally back from a rendered Slack or Teams card. */

export const CHOICES = ['veel', 'gemixt', 'weinig'] as const;
export type Choice = (typeof CHOICES)[number];

/** Dutch labels as the cards show them (default locale). */
export const LABELS: Record<Choice, string> = {
  veel: 'Veel enthousiasme',
  gemixt: 'Gemixt enthousiasme',
  weinig: 'Weinig enthousiasme',
};

/**
 * Voter i (1-based) votes by i mod 10: 0-4 veel, 5-7 gemixt, 8-9 weinig. For 1,000 voters that is
 * 500 / 300 / 200: three different counts, so a swapped option would be noticed.
 */
export function choiceFor(i: number): Choice {
  const r = i % 10;
  return r < 5 ? 'veel' : r < 8 ? 'gemixt' : 'weinig';
}

export interface Tally {
  voters: number;
  counts: Record<Choice, number>;
  percents: Record<Choice, number>;
}

export function expectedTally(voters: number): Tally {
  const counts: Record<Choice, number> = { veel: 0, gemixt: 0, weinig: 0 };
  for (let i = 1; i <= voters; i++) counts[choiceFor(i)]++;
  const pct = (n: number): number => (voters === 0 ? 0 : Math.round((n / voters) * 100));
  return { voters, counts, percents: { veel: pct(counts.veel), gemixt: pct(counts.gemixt), weinig: pct(counts.weinig) } };
}

export function formatTally(t: Tally | undefined): string {
  if (!t) return '(unreadable)';
  return `${t.voters} stemmen: ${CHOICES.map((c) => `${c} ${t.counts[c]} (${t.percents[c]}%)`).join(', ')}`;
}

export function sameTally(a: Tally | undefined, b: Tally): boolean {
  return a !== undefined && a.voters === b.voters && CHOICES.every((c) => a.counts[c] === b.counts[c] && a.percents[c] === b.percents[c]);
}

const COUNT = /(\d+) \((\d+)%\)/;
const VOTERS = /(\d+) stemmen|(1) stem\b/;

function votersOf(text: string): number | undefined {
  const m = VOTERS.exec(text);
  return m ? Number(m[1] ?? m[2]) : undefined;
}

/** Reads the tally from a Slack poll message's blocks (block ids tally_<choice> and meta). */
export function slackTally(blocks: unknown): Tally | undefined {
  if (!Array.isArray(blocks)) return undefined;
  const list = blocks as { block_id?: string; text?: { text?: string }; elements?: { text?: string }[] }[];
  const counts = {} as Record<Choice, number>;
  const percents = {} as Record<Choice, number>;
  for (const c of CHOICES) {
    const block = list.find((b) => b.block_id === `tally_${c}`);
    const m = COUNT.exec(block?.text?.text ?? '');
    if (!m || !(block?.text?.text ?? '').includes(LABELS[c])) return undefined;
    counts[c] = Number(m[1]);
    percents[c] = Number(m[2]);
  }
  const meta = list.find((b) => b.block_id === 'meta')?.elements?.map((e) => e.text ?? '').join(' ') ?? '';
  const voters = votersOf(meta);
  return voters === undefined ? undefined : { voters, counts, percents };
}

interface CardElement {
  type?: string;
  text?: string;
  columns?: { items?: CardElement[] }[];
}

/** Reads the tally from a Teams poll Adaptive Card (one ColumnSet per option, in option order). */
export function teamsTally(card: unknown): Tally | undefined {
  const body = (card as { body?: CardElement[] } | undefined)?.body;
  if (!Array.isArray(body)) return undefined;
  const rows = body.filter((e) => e.type === 'ColumnSet');
  if (rows.length !== CHOICES.length) return undefined;
  const counts = {} as Record<Choice, number>;
  const percents = {} as Record<Choice, number>;
  for (const [i, c] of CHOICES.entries()) {
    const cols = rows[i]!.columns ?? [];
    const label = cols[0]?.items?.[0]?.text ?? '';
    const m = COUNT.exec(cols[cols.length - 1]?.items?.[0]?.text ?? '');
    if (!m || label !== LABELS[c]) return undefined;
    counts[c] = Number(m[1]);
    percents[c] = Number(m[2]);
  }
  const voters = body.map((e) => (e.type === 'TextBlock' ? votersOf(e.text ?? '') : undefined)).find((v) => v !== undefined);
  return voters === undefined ? undefined : { voters, counts, percents };
}
