import { describe, expect, it } from 'vitest';
import { tourAction } from '../../src/tour/keys';
import { isTyping } from '../../src/ui/typing';

describe('tour keys', () => {
  it('what clickers and keyboards send', () => {
    expect(tourAction('PageDown', false, 11)).toEqual({ kind: 'next' });
    expect(tourAction(' ', true, 11)).toEqual({ kind: 'prev' });
    expect(tourAction('End', false, 11)).toEqual({ kind: 'goto', index: 10 });
    expect(tourAction('Escape', false, 11)).toEqual({ kind: 'exit' });
  });

  it('digits reach every stop: one digit, 0 for ten, two digits in a row for 11 and up', () => {
    expect(tourAction('3', false, 11)).toEqual({ kind: 'goto', index: 2 });
    expect(tourAction('0', false, 11)).toEqual({ kind: 'goto', index: 9 });
    expect(tourAction('1', false, 11, '1')).toEqual({ kind: 'goto', index: 10 });
    // A two-digit number past the tour's end is the second digit alone.
    expect(tourAction('5', false, 11, '1')).toEqual({ kind: 'goto', index: 4 });
    expect(tourAction('2', false, 9)).toEqual({ kind: 'goto', index: 1 });
    expect(tourAction('0', false, 9)).toBeNull();
    expect(tourAction('1', false, 11, '0')).toEqual({ kind: 'goto', index: 0 });
  });
});

describe('typing targets', () => {
  it('text inputs, text areas, selects and editable content take the keys; checkboxes and buttons do not', () => {
    const el = (tagName: string, extra: Record<string, unknown> = {}) =>
      ({ tagName, isContentEditable: false, ...extra }) as unknown as EventTarget;
    expect(isTyping(el('INPUT', { type: 'text' }))).toBe(true);
    expect(isTyping(el('INPUT', { type: 'number' }))).toBe(true);
    expect(isTyping(el('TEXTAREA'))).toBe(true);
    expect(isTyping(el('SELECT'))).toBe(true);
    expect(isTyping(el('DIV', { isContentEditable: true }))).toBe(true);
    expect(isTyping(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTyping(el('BUTTON'))).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});
