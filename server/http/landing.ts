import type { Request, Response } from 'express';
import type { Config } from '../config';
import { DEMO_ACCOUNTS } from '../seed/demo-accounts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** A plain page until the web client is served here: where the API is and who can sign in. */
export function landingPage(config: Config) {
  return (_req: Request, res: Response) => {
    const accounts = config.production
      ? ''
      : `<h2>Demo accounts</h2><ul>${DEMO_ACCOUNTS.map((a) => `<li>${escapeHtml(a.email)} (${escapeHtml(a.roles.join(', '))})</li>`).join('')}</ul><p>Password: the SEED_PASSWORD the seed ran with.</p>`;
    res
      .type('html')
      .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>1540 Committee drafting platform</title></head>
<body><h1>1540 Committee drafting platform</h1><p>GraphQL API: <code>POST /graphql</code> and WebSocket <code>/graphql</code> (graphql-ws). Health: <a href="/healthz">/healthz</a>.</p>${accounts}</body></html>`);
  };
}
