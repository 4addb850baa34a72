import type { DossierModel } from '../app/dossier-ports.js';
import { formatDate } from '../content/collab-messages.js';
import { dossierMessages } from '../content/dossier-messages.js';
import { dossierSections, nameOf } from './dossier-sections.js';
import { draftAgreementJson } from './draft-agreement.js';
import { informList, worksheetsJson } from './worksheet-data.js';

/** Markdown control characters in user text are escaped, so an answer cannot restyle the file. */
const md = (s: string): string => s.replace(/([\\`*_{}[\]<>()#+!|])/g, '\\$1').replace(/\n/g, '  \n');

/** The dossier as a Markdown file (the download, and the file posted in a Slack thread). */
export function renderMarkdown(model: DossierModel): string {
  const d = dossierMessages(model.locale);
  const out = [`# ${md(d.pageTitle(model.collab.title))}`, '', md(d.intro), ''];
  for (const s of dossierSections(model)) {
    out.push(`## ${md(s.heading)}`, '');
    if (s.intro) out.push(md(s.intro), '');
    for (const f of s.facts ?? []) out.push(`- **${md(f.label)}:** ${md(f.value)}`);
    if (s.facts?.length) out.push('');
    for (const b of s.blocks ?? []) {
      out.push(`### ${md(b.heading)}`, '');
      for (const l of b.lines) {
        const label = l.label ? `**${md(l.label)}:** ` : '';
        const mark = l.mark === 'tension' || l.tone === 'flag' ? '⚠️ ' : '';
        const note = l.mark && l.mark !== 'tension' && l.mark !== 'superseded' ? ` _(${md(l.mark)})_` : '';
        const body = l.mark === 'superseded' || l.tone === 'muted' ? `_${md(l.text)}_` : l.tone === 'open' ? `**${md(l.text)}**` : md(l.text);
        out.push(`- ${mark}${label}${body}${note}`);
      }
      out.push('');
    }
    if (s.empty) out.push(`_${md(s.empty)}_`, '');
  }
  out.push(`_${md(d.generated(formatDate(model.locale, model.generatedAt)))}_`, '');
  return out.join('\n');
}

/** The dossier as JSON: the same facts, with names resolved and nothing the page does not show. */
export function renderJson(model: DossierModel): string {
  const person = (p: { id: string; name?: string }) => ({ name: nameOf(model, p) });
  const { collab } = model;
  return JSON.stringify(
    {
      title: collab.title,
      issue: collab.issue,
      form: collab.form ?? null,
      stage: collab.stage,
      step: collab.step,
      locale: model.locale,
      facilitator: person(collab.facilitator),
      opvolger: collab.opvolger ? person(collab.opvolger) : null,
      coordinators: collab.coordinators.map(person),
      sheets: model.sheets.map((s) => ({
        sheet: s.sheet,
        title: s.title,
        questions: s.questions.map((q) => ({ id: q.id, label: q.label, answers: q.answers.map((a) => ({ by: nameOf(model, a.by), at: new Date(a.at).toISOString(), text: a.text })) })),
      })),
      worksheets: worksheetsJson(model),
      inform: informList(model).map((p) => ({ naam: p.values.naam ?? null, vertegenwoordiger: p.values.vertegenwoordiger ?? null })),
      draftAgreement: draftAgreementJson(model),
      history: model.history.map((h) => ({
        sheet: h.sheet,
        ...(h.set.item ? { item: h.set.item } : {}),
        by: nameOf(model, h.set.by),
        at: new Date(h.set.at).toISOString(),
        values: h.set.values,
      })),
      temperatures: model.temperatures.map((t) => ({ counts: t.counts, voters: t.voters, level: t.level ?? null, closedAt: new Date(t.closedAt).toISOString() })),
      decisions: model.decisions.map((dec) => ({
        outcome: dec.outcome,
        rationale: dec.rationale,
        withWhom: dec.withWhom,
        by: nameOf(model, dec.by),
        at: new Date(dec.at).toISOString(),
        temperature: dec.temperature ? { counts: dec.temperature.counts, voters: dec.temperature.voters, level: dec.temperature.level ?? null } : null,
        tension: dec.tension ?? null,
        viaStep4: dec.viaStep4 ?? false,
      })),
      openItems: model.openItems.map((i) => ({ kind: i.kind, text: i.text })),
      generatedAt: new Date(model.generatedAt).toISOString(),
    },
    null,
    2,
  );
}
