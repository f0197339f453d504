import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Carousel } from '../src/components/Carousel';
import { PhotoImage, SIZES } from '../src/components/PhotoImage';

// A 4×3 ThumbHash (base64) of a reddish photo.
const THUMBHASH = 'HBkSHYSIeHiPiHh8eJd4eTN0EEQG';

const photo = {
  url: '/img/1080.webp',
  width: 4000,
  height: 3000,
  placeholder: THUMBHASH,
  color: '#aa3322',
  variants: [
    { width: 320, url: '/img/320.webp' },
    { width: 640, url: '/img/640.webp' },
    { width: 1080, url: '/img/1080.webp' },
    { width: 2048, url: '/img/2048.webp' },
  ],
};

describe('PhotoImage', () => {
  it('offers its variants as a srcset, up to the widest the place needs', () => {
    render(<PhotoImage photo={photo} alt="A red barn" sizes={SIZES.feed} maxWidth={1080} />);
    const img = screen.getByAltText('A red barn');
    expect(img).toHaveAttribute(
      'srcset',
      '/img/320.webp 320w, /img/640.webp 640w, /img/1080.webp 1080w',
    );
    expect(img).toHaveAttribute('sizes', SIZES.feed);
    expect(img).toHaveAttribute('src', '/img/1080.webp');
  });

  it('paints the ThumbHash placeholder and colour until the image has loaded', () => {
    render(<PhotoImage photo={photo} alt="A red barn" sizes={SIZES.post} />);
    const img = screen.getByAltText('A red barn');
    const frame = img.parentElement!;
    expect(frame).toHaveAttribute('data-placeholder', 'shown');
    expect(frame.style.backgroundImage).toMatch(/^url\("?data:image\/png;base64,/);
    expect(frame).toHaveStyle({ backgroundColor: '#aa3322', aspectRatio: '4000 / 3000' });
    act(() => {
      fireEvent.load(img);
    });
    expect(frame).not.toHaveAttribute('data-placeholder');
    expect(frame.style.backgroundImage).toBe('');
  });

  it('uses the plain URL when there are no variants', () => {
    render(
      <PhotoImage
        photo={{ url: '/img/a.jpg', width: 3, height: 2 }}
        alt="Tiny"
        sizes={SIZES.feed}
      />,
    );
    const img = screen.getByAltText('Tiny');
    expect(img).not.toHaveAttribute('srcset');
    expect(img).toHaveAttribute('src', '/img/a.jpg');
  });
});

describe('Carousel', () => {
  // jsdom lays nothing out and has no element scrolling.
  Element.prototype.scrollTo = () => undefined;
  const slides = ['one', 'two', 'three'].map((name) => <p key={name}>{name}</p>);

  it('shows one slide alone, without controls', () => {
    render(<Carousel label="Photos" slides={[<p key="a">alone</p>]} />);
    expect(screen.getByText('alone')).toBeInTheDocument();
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });

  it('moves with the arrow keys and the buttons, counting "2 / 3"', () => {
    render(<Carousel label="Photos" slides={slides} />);
    const region = screen.getByRole('region', { name: 'Photos' });
    expect(screen.getByText('1 / 3')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Previous photo' })).not.toBeInTheDocument();
    fireEvent.keyDown(region, { key: 'ArrowRight' });
    expect(screen.getByText('2 / 3')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Next photo' }));
    expect(screen.getByText('3 / 3')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Next photo' })).not.toBeInTheDocument();
    fireEvent.keyDown(region, { key: 'ArrowRight' });
    expect(screen.getByText('3 / 3')).toBeInTheDocument();
    fireEvent.keyDown(region, { key: 'ArrowLeft' });
    expect(screen.getByText('2 / 3')).toBeInTheDocument();
    const current = screen.getAllByRole('group', { hidden: true });
    expect(current.map((slide) => slide.getAttribute('aria-hidden'))).toEqual([
      'true',
      'false',
      'true',
    ]);
  });
});
