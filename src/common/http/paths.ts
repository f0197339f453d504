/** Whether a request URL is at `path` or under it (`/api`, `/api/…`, `/api?…`; not `/apiary`). */
export function isUnder(path: string, url: string): boolean {
  if (!url.startsWith(path)) return false;
  const next = url.charAt(path.length);
  return next === '' || next === '/' || next === '?';
}
