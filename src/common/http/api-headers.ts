import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { isUnder } from './paths';

/**
 * The security headers of an API answer. API answers are JSON (or an image's bytes), never
 * rendered as a document, so they carry the headers that matter for any resource, as OWASP's
 * REST Security Cheat Sheet lists them: no framing, no script or other fetch from the
 * response, no MIME sniffing, no cross-origin embedding, HTTPS only. The document-only
 * headers (Cross-Origin-Opener-Policy, Origin-Agent-Cluster, Referrer-Policy, the DNS
 * prefetch, download and cross-domain-policy switches, X-XSS-Protection) are for the web
 * client's pages, which get helmet's full set.
 */
export const API_SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
];

/**
 * The security headers for every answer: API_SECURITY_HEADERS at `/${prefix}` and under it,
 * the `documents` middleware (helmet) for everything else.
 */
export function securityHeaders(prefix: string, documents: RequestHandler): RequestHandler {
  const api = `/${prefix}`;
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isUnder(api, req.url)) return documents(req, res, next);
    for (const [name, value] of API_SECURITY_HEADERS) res.setHeader(name, value);
    next();
  };
}
