import { useRef, useState, type ReactNode } from 'react';
import type { Like } from '../like';

const DOUBLE_TAP_MS = 350;

/**
 * Double-tap (touch) or double-click (mouse) on a photo likes it, with a heart that pops up;
 * the Like button next to it does the same for keyboards and screen readers.
 */
export function DoubleTapLike({ like, children }: { like: Like; children: ReactNode }) {
  const lastTap = useRef(0);
  const [hearts, setHearts] = useState(0);

  function tap() {
    const now = Date.now();
    if (now - lastTap.current < DOUBLE_TAP_MS) {
      lastTap.current = 0;
      setHearts((n) => n + 1);
      void like.like();
    } else {
      lastTap.current = now;
    }
  }

  return (
    <div className="double-tap" onPointerUp={tap} data-testid="photo">
      {children}
      {hearts > 0 && (
        <span key={hearts} className="burst" aria-hidden="true">
          ♥
        </span>
      )}
    </div>
  );
}
