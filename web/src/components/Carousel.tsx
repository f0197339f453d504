import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/**
 * Photos side by side in a scroll-snapping track: swiped on touch screens (native scrolling),
 * moved with the arrow keys when focused or with the arrow buttons, with dots and "2 / 5".
 */
export function Carousel({ label, slides }: { label: string; slides: ReactNode[] }) {
  const track = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(0);
  const count = slides.length;
  if (count === 1) return <>{slides[0]}</>;

  function go(index: number) {
    const target = Math.max(0, Math.min(count - 1, index));
    setCurrent(target);
    const element = track.current;
    element?.scrollTo({ left: target * element.clientWidth, behavior: 'smooth' });
  }

  function keys(event: KeyboardEvent) {
    if (event.key === 'ArrowRight') go(current + 1);
    else if (event.key === 'ArrowLeft') go(current - 1);
    else return;
    event.preventDefault();
  }

  return (
    <div className="carousel">
      {/* The scrolling track itself takes the focus, so the keyboard reaches what scrolls. */}
      <div
        ref={track}
        className="carousel-track"
        role="region"
        aria-roledescription="carousel"
        aria-label={label}
        tabIndex={0}
        onKeyDown={keys}
        onScroll={(event) => {
          const element = event.currentTarget;
          setCurrent(Math.round(element.scrollLeft / Math.max(1, element.clientWidth)));
        }}
      >
        {slides.map((slide, index) => (
          <div
            key={index}
            className="carousel-slide"
            role="group"
            aria-roledescription="slide"
            aria-label={`${index + 1} of ${count}`}
            aria-hidden={index !== current}
          >
            {slide}
          </div>
        ))}
      </div>
      <p className="carousel-count" aria-live="polite">
        {current + 1} / {count}
      </p>
      {current > 0 && (
        <button
          type="button"
          className="carousel-arrow previous"
          aria-label="Previous photo"
          onClick={() => go(current - 1)}
        >
          ‹
        </button>
      )}
      {current < count - 1 && (
        <button
          type="button"
          className="carousel-arrow next"
          aria-label="Next photo"
          onClick={() => go(current + 1)}
        >
          ›
        </button>
      )}
      <div className="carousel-dots" aria-hidden="true">
        {slides.map((_, index) => (
          <span key={index} className={index === current ? 'dot current' : 'dot'} />
        ))}
      </div>
    </div>
  );
}
