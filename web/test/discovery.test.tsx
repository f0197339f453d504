import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { RichText } from '../src/components/RichText';
import { timeGroup } from '../src/pages/NotificationsPage';

function rich(text: string, tags?: string[], mentions: string[] = []) {
  return render(
    <MemoryRouter>
      <p data-testid="text">
        <RichText text={text} tags={tags} mentions={mentions} />
      </p>
    </MemoryRouter>,
  );
}

describe('RichText', () => {
  it('links the tags and mentions the server named, and nothing else', () => {
    rich('Café #Été with @Bob and @ghost. See a#b or me@bob.example', ['été'], ['bob']);
    const links = screen.getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['#Été', `/tags/${encodeURIComponent('été')}`],
      ['@Bob', '/u/bob'],
    ]);
    expect(screen.getByTestId('text').textContent).toBe(
      'Café #Été with @Bob and @ghost. See a#b or me@bob.example',
    );
  });

  it('ends a mention at a full stop, and never renders markup from the text', () => {
    rich('Thanks @ada_l. <img src=x onerror=alert(1)>', [], ['ada_l']);
    expect(screen.getByRole('link').textContent).toBe('@ada_l');
    expect(screen.getByTestId('text').querySelector('img')).toBeNull();
    expect(screen.getByTestId('text').textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('without the tags (a comment) links every well-formed tag', () => {
    rich('So #golden_hour and #' + 'x'.repeat(101), undefined, []);
    expect(screen.getAllByRole('link').map((link) => link.textContent)).toEqual(['#golden_hour']);
  });
});

describe('timeGroup', () => {
  const now = new Date(2026, 10, 26, 12, 0);
  it.each([
    [new Date(2026, 10, 26, 0, 5), 'Today'],
    [new Date(2026, 10, 25, 23, 59), 'Yesterday'],
    [new Date(2026, 10, 21, 9, 0), 'This week'],
    [new Date(2026, 10, 2, 9, 0), 'This month'],
    [new Date(2026, 8, 1, 9, 0), 'Earlier'],
  ])('puts %s under %s', (at, group) => {
    expect(timeGroup(at.toISOString(), now)).toBe(group);
  });
});
