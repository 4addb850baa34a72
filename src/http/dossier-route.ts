import { openDossier } from '../app/collab/dossier.js';
import type { AppDeps } from '../app/deps.js';
import { renderDossierHtml } from '../dossier/render-html.js';
import { renderJson, renderMarkdown } from '../dossier/render-markdown.js';
import type { Route, RouteResponse } from './server.js';

const PREFIX = '/dossier/';
const PATH = /^\/dossier\/([A-Za-z0-9_.-]{1,200}?)(\.md|\.json)?$/;

/** No scripts, nothing from elsewhere, not framed, not cached, not indexed, no referrer to leak the link. */
const SAFE_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex, nofollow',
  'x-frame-options': 'DENY',
};

// One answer for every link that does not work: nothing tells a forged link from an expired one.
const NOT_FOUND: RouteResponse = { status: 404, headers: SAFE_HEADERS, body: 'not found' };

/** `GET /dossier/<token>` (HTML), `.md` and `.json`: the collaboration's dossier behind a signed, expiring, revocable link. */
export function dossierRoute(deps: AppDeps): Route {
  return async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return { status: 405, headers: SAFE_HEADERS, body: 'method not allowed' };
    const m = PATH.exec(req.path);
    if (!m) return NOT_FOUND;
    const [, token, ext] = m as unknown as [string, string, string | undefined];
    const model = await openDossier(deps, token);
    if (!model) return NOT_FOUND;
    if (ext === '.md') {
      return { status: 200, headers: { ...SAFE_HEADERS, 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': `attachment; filename="werktsamen-dossier.md"` }, body: renderMarkdown(model) };
    }
    if (ext === '.json') {
      return { status: 200, headers: { ...SAFE_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="werktsamen-dossier.json"` }, body: renderJson(model) };
    }
    return { status: 200, headers: { ...SAFE_HEADERS, 'content-type': 'text/html; charset=utf-8' }, body: renderDossierHtml(model, `${PREFIX}${token}`) };
  };
}

export const DOSSIER_PREFIX = PREFIX;
