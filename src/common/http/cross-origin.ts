/**
 * Cross-origin request protection, following Go 1.25's net/http.CrossOriginProtection:
 * safe methods pass; then Sec-Fetch-Site decides (same-origin or none pass, anything else
 * fails unless the Origin is trusted); without it the Origin header is compared with Host;
 * a request with neither header (curl, mobile apps, servers) is not a browser's and passes.
 * https://pkg.go.dev/net/http#CrossOriginProtection
 */
export interface CrossOriginInput {
  method: string;
  secFetchSite?: string;
  origin?: string;
  host?: string;
}

export type CrossOriginVerdict = 'allowed' | 'cross-origin' | 'cross-origin-older-browser';

/** Methods that change nothing: never refused, whatever their origin. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export function checkCrossOrigin(
  input: CrossOriginInput,
  trustedOrigins: ReadonlySet<string>,
): CrossOriginVerdict {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return 'allowed';
  const trusted =
    input.origin !== undefined && input.origin !== '' && trustedOrigins.has(input.origin);
  switch (input.secFetchSite ?? '') {
    case '':
      break;
    case 'same-origin':
    case 'none':
      return 'allowed';
    default:
      return trusted ? 'allowed' : 'cross-origin';
  }
  if (!input.origin) return 'allowed';
  if (originHost(input.origin) === input.host) return 'allowed';
  return trusted ? 'allowed' : 'cross-origin-older-browser';
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
