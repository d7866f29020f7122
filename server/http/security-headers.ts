import helmet from 'helmet';
import { INLINE_SCRIPT_HASHES } from './web-client';

/**
 * Security headers for production (helmet): a Content-Security-Policy that the web client passes
 * (test/e2e/security-headers.test.ts runs it under this policy in Chromium), no framing, no
 * MIME sniffing, no referrer across origins, HSTS (ignored by browsers over plain HTTP; the
 * reverse proxy in front serves HTTPS).
 *  - scripts: only the app's own files, and the one inline script of the draft page (by hash);
 *  - styles: the app's stylesheet, and inline styles (the editor and React set `style`);
 *  - connections: the same origin, which covers /graphql over HTTP and its WebSockets;
 *  - no plugins, no <base> elsewhere, forms post only here.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...INLINE_SCRIPT_HASHES],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
  });
}
