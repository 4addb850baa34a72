import type { DossierModel } from '../app/dossier-ports.js';
import { formatDate } from '../content/collab-messages.js';
import { dossierMessages } from '../content/dossier-messages.js';
import { dossierSections, type Section } from './dossier-sections.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every text on the page is user input or content: all of it is escaped. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const text = (s: string): string => escapeHtml(s).replace(/\n/g, '<br>');

// Inline styles only: the page loads nothing from elsewhere and runs no script (see the CSP in dossier-route.ts).
const STYLE = `
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;margin:0;background:#f5f5f7}
main{max-width:50rem;margin:0 auto;padding:2rem 1.25rem;background:#fff}
h1{font-size:1.75rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:2px solid #0b6e4f;padding-bottom:.25rem}
h3{font-size:1rem;margin:1.25rem 0 .25rem}.muted{color:#5f6368}dl{display:grid;grid-template-columns:minmax(8rem,14rem) 1fr;gap:.25rem 1rem;margin:0}
dt{font-weight:600}dd{margin:0}ul{padding-left:1.25rem;margin:.25rem 0}li{margin:.25rem 0}.mark{font-size:.85rem;color:#5f6368}
.tension,.flag{color:#9a3412;font-weight:600}.open{color:#b42318;font-weight:700}.superseded{color:#5f6368;font-style:italic}nav a{margin-right:1rem;color:#0b6e4f}
@media print{body{background:#fff}main{padding:0}nav{display:none}h2{break-after:avoid}h3{break-after:avoid}}
`;

function section(s: Section): string {
  const parts = [`<section><h2>${text(s.heading)}</h2>`];
  if (s.intro) parts.push(`<p class="muted">${text(s.intro)}</p>`);
  if (s.facts?.length) parts.push(`<dl>${s.facts.map((f) => `<dt>${text(f.label)}</dt><dd>${text(f.value)}</dd>`).join('')}</dl>`);
  for (const b of s.blocks ?? []) {
    const lines = b.lines.map((l) => {
      const decision = l.mark === 'tension' || l.mark === 'superseded';
      // Class names come from fixed sets, never from user text.
      const classes = [decision ? l.mark : undefined, l.tone].filter(Boolean);
      const cls = classes.length ? ` class="${classes.join(' ')}"` : '';
      const date = l.mark && !decision ? ` <span class="mark">${text(l.mark)}</span>` : '';
      return `<li${cls}>${l.label ? `<strong>${text(l.label)}:</strong> ` : ''}${text(l.text)}${date}</li>`;
    });
    parts.push(`<h3>${text(b.heading)}</h3><ul>${lines.join('')}</ul>`);
  }
  if (s.empty) parts.push(`<p class="muted">${text(s.empty)}</p>`);
  parts.push('</section>');
  return parts.join('');
}

/** The dossier page: readable, printable, self-contained HTML in the link's language. */
export function renderDossierHtml(model: DossierModel, downloadBase: string): string {
  const d = dossierMessages(model.locale);
  const title = d.pageTitle(model.collab.title);
  return `<!doctype html>
<html lang="${model.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow"><title>${text(title)}</title><style>${STYLE}</style></head>
<body><main><h1>${text(title)}</h1><p class="muted">${text(d.intro)}</p>
<nav><span class="muted">${text(d.downloads)}:</span> <a href="${escapeHtml(downloadBase)}.md">${text(d.markdown)}</a><a href="${escapeHtml(downloadBase)}.json">${text(d.json)}</a></nav>
${dossierSections(model).map(section).join('\n')}
<p class="muted">${text(d.generated(formatDate(model.locale, model.generatedAt)))} ${text(d.privacy)}</p>
</main></body></html>`;
}
