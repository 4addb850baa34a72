import { describe, expect, it } from 'vitest';
import type { DossierModel } from '../../src/app/dossier-ports.js';
import { conditions } from '../../src/content/method/index.js';
import { CollaborationSchema, type AnswerSet, type Person, type WorksheetId } from '../../src/domain/collaboration.js';
import type { Locale } from '../../src/domain/poll.js';
import { renderDossierHtml } from '../../src/dossier/render-html.js';
import { renderJson, renderMarkdown } from '../../src/dossier/render-markdown.js';

const T0 = Date.UTC(2025, 2, 14, 9, 30);
const HOUR = 60 * 60 * 1000;

const ann: Person = { id: 'U07ANN001' };
const bram: Person = { id: 'U07BRAM01' };
const chloe: Person = { id: 'U07CHLO01' };
const names = { [ann.id]: 'Annelies Peeters', [bram.id]: 'Bram Janssens', [chloe.id]: 'Chloé Dubois' };

const ISSUE = 'Kinderen in de wijk hebben na school geen rustige plek om huiswerk te maken.';
const INHOUD = 'Twee avonden per week huiswerkbegeleiding in de bib.';
const QUALITY = 'Jaarlijkse evaluatie met de stuurgroep.';
const EVIL = 'Bib <script>alert(1)</script> Noord';

const set = (by: Person, values: Record<string, string>, item?: string): AnswerSet => ({ by, at: T0 + HOUR, values, ...(item ? { item } : {}) });

function worksheets(): Record<WorksheetId, AnswerSet[]> {
  return {
    // ambitie: 1, 2, 3 -> mean 2.0, low but not apart; belangen: 1, 4, 5 -> apart but not low; relatie: neither.
    conditions: [
      set(ann, { ambitie: '1', ambitie_note: 'Te vaag <b>nog</b>', belangen: '1', relatie: '4' }),
      set(bram, { ambitie: '2', belangen: '4', relatie: '4' }),
      set(chloe, { ambitie: '3', belangen: '5', relatie: '5', relatie_note: 'Goede sfeer' }),
    ],
    form: [
      set(ann, { belangen: 'netwerk', engagement: 'netwerk', taak: 'ja', ik: 'ja', wij: 'deels' }),
      set(bram, { belangen: 'netwerk', engagement: 'ad_hoc', taak: 'ja', ik: 'nee', wij: 'ja' }),
      set(chloe, { belangen: 'overleg', taak: 'deels' }),
    ],
    partners: [
      set(ann, {
        naam: EVIL,
        vertegenwoordiger: 'Jonas Wouters',
        mandaat: 'beslissing',
        rol: 'noodzakelijk',
        rechtsvorm: 'Autonoom gemeentebedrijf',
        zetel: 'Kerkstraat 1, 9000 Gent',
        ondernemingsnummer: '0123.456.789',
        ondertekenaar: 'Lien Claes',
        functie: 'directeur',
      }, 'p1'),
      set(bram, { naam: 'Welzijnsraad Noord', vertegenwoordiger: 'Mira Aerts', rol: 'omkadering', informeren: 'true' }, 'p2'),
      set(bram, { naam: 'Sportdienst', rol: 'omkadering' }, 'p3'),
      set(chloe, { naam: 'School De Linde', rol: 'noodzakelijk', informeren: 'true' }, 'p4'),
    ],
    agreements: [
      set(ann, { status: 'afgesproken', tekst: INHOUD }, 'inhoud'),
      set(bram, { status: 'besproken', wie: 'Stad Gent' }, 'financieel'),
      set(bram, { status: 'nvt' }, 'communicatie'),
      set(chloe, { status: 'afgesproken', wie: 'School De Linde', timing: 'juni 2026', tekst: QUALITY }, 'kwaliteitszorg'),
    ],
    internal: [set(ann, { dpo: 'true', ict: 'true' }, 'all')],
    externals: [
      set(ann, { gedaan: 'true', notitie: 'Doelen afgestemd met de klas.' }, 's1'),
      set(chloe, { gedaan: 'true', organisatie: 'Natuurpunt', hielp: 'Enthousiaste begeleiders', hinderde: 'Weinig tijd' }, 's6'),
    ],
  };
}

function model(locale: Locale): DossierModel {
  return {
    locale,
    collab: CollaborationSchema.parse({
      id: 'abcdefghij12',
      scope: { platform: 'slack', tenant: 'T0WERKT01' },
      title: 'Huiswerkklas met de bib',
      issue: ISSUE,
      form: 'netwerk',
      locale,
      step: 3,
      stage: 'steps',
      facilitator: ann,
      coordinators: [bram],
      createdAt: T0,
    }),
    names,
    sheets: [],
    worksheets: worksheets(),
    history: [
      { sheet: 'agreements', set: { by: ann, at: T0, item: 'inhoud', values: { status: 'besproken', tekst: 'Eerste idee' } } },
      { sheet: 'conditions', set: { by: bram, at: T0, values: { ambitie: '5' } } },
    ],
    temperatures: [],
    decisions: [],
    openItems: [],
    generatedAt: T0 + 2 * HOUR,
  };
}

/** The HTML of one section (from its h2 to its end). */
function section(html: string, heading: string): string {
  const start = html.indexOf(`<h2>${heading}</h2>`);
  expect(start, `section ${heading}`).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

/** The HTML of one block of a section (from its h3 to the next h3). */
function block(sectionHtml: string, heading: string): string {
  const start = sectionHtml.indexOf(`<h3>${heading}</h3>`);
  expect(start, `block ${heading}`).toBeGreaterThanOrEqual(0);
  const next = sectionHtml.indexOf('<h3>', start + 4);
  return sectionHtml.slice(start, next === -1 ? undefined : next);
}

/** The Markdown of one block (from its ### heading to the next heading). */
function mdBlock(markdown: string, heading: string): string {
  const start = markdown.indexOf(`### ${heading}\n`);
  expect(start, `markdown block ${heading}`).toBeGreaterThanOrEqual(0);
  const next = markdown.slice(start + 4).search(/\n#{2,3} /);
  return markdown.slice(start, next === -1 ? undefined : start + 4 + next);
}

const nl = conditions('nl');
const discussionOf = (id: string): string => nl.find((c) => c.id === id)!.discussion;

describe('dossier: worksheets (HTML)', () => {
  const html = renderDossierHtml(model('nl'), '/dossier/tok');

  it('flags a low and a far-apart condition with their discussion questions, and leaves the others unflagged', () => {
    const s = section(html, 'Vijf voorwaarden voor succes');
    const ambitie = block(s, 'Ambitie');
    expect(ambitie).toContain('gemiddeld 2,0 · van 1 tot 3 · 3 scores');
    expect(ambitie).toContain('<li class="flag">Laag gescoord</li>');
    expect(ambitie).not.toContain('Jullie liggen ver uit elkaar');
    expect(ambitie).toContain(`<strong>Om te bespreken:</strong> ${discussionOf('ambitie')}`);
    // A remark names who wrote it and is escaped like every other user text.
    expect(ambitie).toContain('<strong>Opmerking · Annelies Peeters:</strong> Te vaag &lt;b&gt;nog&lt;/b&gt;');
    const belangen = block(s, 'Belangen');
    expect(belangen).toContain('<li class="flag">Jullie liggen ver uit elkaar</li>');
    expect(belangen).not.toContain('Laag gescoord');
    expect(belangen).toContain(discussionOf('belangen'));
    const relatie = block(s, 'Relatie');
    expect(relatie).not.toContain('class="flag"');
    expect(relatie).not.toContain(discussionOf('relatie'));
    expect(relatie).toContain('Opmerking · Chloé Dubois');
  });

  it('shows the form counts, the leaning, the chosen form and the TAAK/IK/WIJ counts', () => {
    const s = section(html, 'Vorm en issue');
    expect(s).toContain('De groep kiest vooral: Netwerk');
    expect(s).toContain('Gekozen vorm: Netwerk');
    expect(s).toContain('<strong>Gemeenschappelijke belangen:</strong> Overleg 1 · Netwerk 2');
    expect(s).toContain('<strong>TAAK:</strong> ja 2 · deels 1 · nee 0');
    expect(s).toContain('<strong>IK:</strong> ja 1 · deels 0 · nee 1');
  });

  it('lists the partners with all their fields, and escapes a name with a script in it', () => {
    const s = section(html, 'Partners');
    const bib = block(s, 'Bib &lt;script&gt;alert(1)&lt;/script&gt; Noord');
    expect(bib).toContain('<strong>Vertegenwoordiger:</strong> Jonas Wouters');
    expect(bib).toContain('<strong>Mandaat:</strong> beslissing');
    expect(bib).toContain('<strong>Rol:</strong> noodzakelijke actor');
    expect(bib).toContain('0123.456.789');
    expect(block(s, 'Welzijnsraad Noord')).toContain('<strong>Houd deze organisatie op de hoogte:</strong> ja');
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('lists only framing partners marked to inform under "Wie informeren"', () => {
    const s = section(html, 'Wie informeren');
    expect(s).toContain('<dt>Welzijnsraad Noord</dt><dd>omkaderende actor · Mira Aerts</dd>');
    expect(s).not.toContain('Sportdienst');
    expect(s).not.toContain('School De Linde');
    expect(s).not.toContain('Bib ');
  });

  it('shows agreements, internal partners and the externals plan', () => {
    const agreements = section(html, 'Afspraken');
    expect(agreements).toContain('3 van 11 thema’s afgesproken of n.v.t.');
    expect(block(agreements, 'Financiële afspraken')).toContain('<li class="open"><strong>Stand:</strong> besproken</li>');
    expect(block(agreements, 'Kwaliteitsborging')).toContain(`<strong>Timing:</strong> juni 2026</li><li><strong>Afspraak:</strong> ${QUALITY}`);
    const internal = section(html, 'Interne partners');
    expect(internal).toContain('2 van 11 betrokken');
    expect(block(internal, 'Betrokken')).toContain('Data Protection Officer');
    expect(block(internal, 'Nog niet betrokken')).toContain('<li class="muted">Juridische dienst</li>');
    const externals = section(html, 'Samenwerken met een externe organisatie');
    expect(externals).toContain('2 van 6 stappen gedaan');
    expect(externals).toContain('<strong>Externe organisatie:</strong> Natuurpunt');
    expect(externals).toContain('<strong>Wat hinderde:</strong> Weinig tijd');
  });

  it('renders a draft agreement along the articles, with parties, the common goal and open themes marked', () => {
    const s = section(html, 'Ontwerp van overeenkomst');
    expect(s).toContain('Een ontwerp dat WerktSamen maakte uit wat in de thread werd ingevuld.');
    const headings = [...s.matchAll(/<h3>([^<]*)<\/h3>/g)].map((m) => m[1]);
    expect(headings).toHaveLength(14);
    expect(headings[0]).toBe('Partijen');
    expect(headings[1]).toBe('Artikel 1 · Voorwerp van de overeenkomst');
    expect(headings[13]).toBe('Artikel 13 · Bijlagen');

    const parties = block(s, 'Partijen');
    expect(parties).toContain(
      '<strong>Bib &lt;script&gt;alert(1)&lt;/script&gt; Noord:</strong> Juridisch statuut: Autonoom gemeentebedrijf · Maatschappelijke zetel: Kerkstraat 1, 9000 Gent · Ondernemingsnummer: 0123.456.789 · Vertegenwoordigd door: Jonas Wouters · Ondertekenaar: Lien Claes, directeur',
    );
    expect(parties).toContain('<strong>Welzijnsraad Noord:</strong> Vertegenwoordigd door: Mira Aerts');
    expect(parties).toContain('<li class="open">OPEN: nog in te vullen voor Welzijnsraad Noord: Juridisch statuut, Maatschappelijke zetel, Ondernemingsnummer, Ondertekenaar, Functie van de ondertekenaar</li>');
    expect(parties).not.toContain('OPEN: nog in te vullen voor Bib');

    const goal = block(s, 'Artikel 1 · Voorwerp van de overeenkomst');
    expect(goal).toContain(`<strong>Gemeenschappelijk doel:</strong> ${ISSUE}`);
    expect(goal).toContain(`<strong>Inhoudelijke afspraken:</strong> ${INHOUD}`);

    const finance = block(s, 'Artikel 5 · Financiën');
    expect(finance).toContain('<li class="open"><strong>Financiële afspraken:</strong> OPEN: besproken, nog niet afgesproken</li>');
    expect(finance).toContain('<li class="open"><strong>Personeelsmatige afspraken:</strong> OPEN: nog af te spreken</li>');
    expect(finance).toContain('<strong>Verantwoordelijke partner:</strong> Stad Gent');

    const quality = block(s, 'Artikel 7 · Kwaliteitsborging');
    expect(quality).toContain(`<strong>Kwaliteitsborging:</strong> ${QUALITY}`);
    expect(quality).toContain('<strong>Timing:</strong> juni 2026');
    expect(quality).not.toContain('OPEN');
    expect(goal).not.toContain(QUALITY);

    expect(block(s, 'Artikel 9 · Communicatie en PR')).toContain('<li class="muted"><strong>Communicatieafspraken:</strong> Niet van toepassing</li>');
    expect(block(s, 'Artikel 13 · Bijlagen')).toContain('<li class="muted"><strong>Wat hier komt:</strong> Stukken die bij de overeenkomst horen');
  });

  it('shows earlier worksheet answers under their worksheet and item, with option labels', () => {
    const s = section(html, 'Eerdere versies van antwoorden');
    const start = s.indexOf('<h3>Afspraken · Inhoudelijke afspraken · Annelies Peeters · ');
    expect(start).toBeGreaterThanOrEqual(0);
    const earlier = s.slice(start, s.indexOf('</ul>', start));
    expect(earlier).toContain('<strong>Stand:</strong> besproken');
    expect(earlier).toContain('<strong>Wat spraken jullie af?:</strong> Eerste idee');
    expect(s).toMatch(/<h3>Vijf voorwaarden voor succes · Bram Janssens · [^<]+<\/h3><ul><li><strong>Ambitie · Score:<\/strong> 5 · sterk<\/li>/);
  });
});

describe('dossier: worksheets (Markdown)', () => {
  const markdown = renderMarkdown(model('nl'));

  it('carries the flags, the inform list and the draft agreement, with Markdown escaped', () => {
    const ambitie = mdBlock(markdown, 'Ambitie');
    expect(ambitie).toContain('- ⚠️ Laag gescoord');
    expect(ambitie).toContain(`- **Om te bespreken:** ${discussionOf('ambitie')}`);
    expect(mdBlock(markdown, 'Belangen')).toContain('- ⚠️ Jullie liggen ver uit elkaar');
    expect(markdown).toContain('## Wie informeren');
    expect(markdown).toContain('- **Welzijnsraad Noord:** omkaderende actor · Mira Aerts');
    expect(markdown.slice(markdown.indexOf('## Wie informeren'), markdown.indexOf('## Afspraken'))).not.toContain('Sportdienst');
    expect(markdown).toContain('## Ontwerp van overeenkomst');
    expect(mdBlock(markdown, 'Partijen')).toContain('- **Bib \\<script\\>alert\\(1\\)\\</script\\> Noord:** Juridisch statuut: Autonoom gemeentebedrijf');
    expect(markdown).not.toContain('<script>');
    const goal = mdBlock(markdown, 'Artikel 1 · Voorwerp van de overeenkomst');
    expect(goal).toContain(`- **Gemeenschappelijk doel:** ${ISSUE}`);
    expect(goal).toContain(`- **Inhoudelijke afspraken:** ${INHOUD}`);
    expect(mdBlock(markdown, 'Artikel 5 · Financiën')).toContain('- **Personeelsmatige afspraken:** **OPEN: nog af te spreken**');
    expect(mdBlock(markdown, 'Artikel 7 · Kwaliteitsborging')).toContain(`- **Kwaliteitsborging:** ${QUALITY}`);
    expect(mdBlock(markdown, 'Artikel 13 · Bijlagen')).toContain('- **Wat hier komt:** _Stukken die bij de overeenkomst horen');
  });
});

describe('dossier: worksheets (JSON)', () => {
  const data = JSON.parse(renderJson(model('nl'))) as {
    worksheets: {
      conditions: { conditions: { id: string; scores: { mean: number; min: number; max: number; n: number } | null; low: boolean; apart: boolean; discussion: string | null; remarks: { by: string; text: string }[] }[] };
      form: { chosen: string | null; leaning: string | null; issueChecks: { id: string; counts: Record<string, number> }[] };
      partners: { naam: string; informeren: boolean }[];
      agreements: { theme: string; status: string; open: boolean }[];
      internal: { id: string; involved: boolean }[];
      externals: { step: string; done: boolean; organisatie?: string | null }[];
    };
    inform: { naam: string; vertegenwoordiger: string | null }[];
    draftAgreement: {
      articles: { id: string; number: number | null; parties?: { naam: string; zetel: string | null; ondertekenaar: string | null; missing: string[] }[]; commonGoal?: string | null; themes: { theme: string; status: string; open: boolean; tekst: string | null }[]; guidance: string | null }[];
    };
    history: { sheet: string; item?: string }[];
  };

  it('holds the same facts: flags, inform list, parties, goal and open themes', () => {
    const byId = Object.fromEntries(data.worksheets.conditions.conditions.map((c) => [c.id, c]));
    expect(byId.ambitie).toMatchObject({ scores: { mean: 2, min: 1, max: 3, n: 3 }, low: true, apart: false, discussion: discussionOf('ambitie') });
    expect(byId.ambitie!.remarks).toEqual([{ by: 'Annelies Peeters', text: 'Te vaag <b>nog</b>' }]);
    expect(byId.belangen).toMatchObject({ low: false, apart: true, discussion: discussionOf('belangen') });
    expect(byId.relatie).toMatchObject({ low: false, apart: false, discussion: null });
    expect(byId.organisatie!.scores).toBeNull();
    expect(data.worksheets.form).toMatchObject({ chosen: 'netwerk', leaning: 'netwerk' });
    expect(data.worksheets.form.issueChecks.find((k) => k.id === 'taak')!.counts).toEqual({ ja: 2, deels: 1, nee: 0 });
    expect(data.worksheets.partners.map((p) => p.informeren)).toEqual([false, true, false, true]);
    expect(data.inform).toEqual([{ naam: 'Welzijnsraad Noord', vertegenwoordiger: 'Mira Aerts' }]);
    expect(data.worksheets.internal.filter((p) => p.involved).map((p) => p.id)).toEqual(['dpo', 'ict']);
    expect(data.worksheets.externals.find((s) => s.step === 's6')).toMatchObject({ done: true, organisatie: 'Natuurpunt' });

    const [parties, goal] = data.draftAgreement.articles;
    expect(parties).toMatchObject({ id: 'a1', number: null });
    expect(parties!.parties![0]).toMatchObject({ naam: EVIL, zetel: 'Kerkstraat 1, 9000 Gent', ondertekenaar: 'Lien Claes', missing: [] });
    expect(parties!.parties![1]!.missing).toContain('ondernemingsnummer');
    expect(goal).toMatchObject({ id: 'a2', number: 1, commonGoal: ISSUE, themes: [{ theme: 'inhoud', status: 'afgesproken', open: false, tekst: INHOUD }] });
    const finance = data.draftAgreement.articles.find((a) => a.number === 5)!;
    expect(finance.themes.map((t) => [t.theme, t.status, t.open])).toEqual([
      ['financieel', 'besproken', true],
      ['personeel', 'open', true],
    ]);
    expect(data.draftAgreement.articles.find((a) => a.number === 13)!.guidance).toMatch(/^Stukken die bij de overeenkomst horen/);
    expect(data.history[0]).toMatchObject({ sheet: 'agreements', item: 'inhoud' });
  });
});

describe('dossier: worksheets in English', () => {
  const html = renderDossierHtml(model('en'), '/dossier/tok');
  const markdown = renderMarkdown(model('en'));

  it('uses English headings and marks', () => {
    for (const heading of ['Five conditions for success', 'Form and issue', 'Partners', 'Who to inform', 'Agreements', 'Internal partners', 'Draft agreement']) {
      expect(html).toContain(`<h2>${heading}</h2>`);
      expect(markdown).toContain(`## ${heading}`);
    }
    const draft = section(html, 'Draft agreement');
    expect(draft).toContain('<h3>Parties</h3>');
    expect(draft).toContain('<h3>Article 1 · Object of the agreement</h3>');
    expect(block(draft, 'Article 5 · Finances')).toContain('OPEN: still to agree');
    expect(block(section(html, 'Five conditions for success'), 'Ambition')).toContain('<li class="flag">Scored low</li>');
    expect(html).toContain('mean 2.0 · from 1 to 3 · 3 scores');
    expect(html).not.toMatch(/Ontwerp van overeenkomst|Wie informeren|Artikel \d|nog af te spreken/);
  });
});
