import { useEffect } from 'react';

/** Sets the document title ("Alice (@alice) · Freeb"); the bare name when there is none. */
export function useTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Freeb` : 'Freeb';
  }, [title]);
}
