import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatKm, formatNumber, formatPercent, formatRelative } from '../src/app/format';

const when = '2026-11-22T08:05:00Z';

describe('dates', () => {
  it('formats a date per locale', () => {
    expect(formatDate(when, 'fr', 'UTC')).toBe('22 novembre 2026');
    expect(formatDate(when, 'it', 'UTC')).toBe('22 novembre 2026');
    expect(formatDate(when, 'en', 'UTC')).toBe('22 November 2026');
    expect(formatDate('2026-03-01T00:00:00Z', 'it', 'UTC')).toBe('1 marzo 2026');
  });
  it('formats date and time per locale', () => {
    expect(formatDateTime(when, 'fr', 'UTC')).toBe('22/11/2026 08:05');
    expect(formatDateTime(when, 'it', 'UTC')).toBe('22/11/26, 08:05');
    expect(formatDateTime(when, 'en', 'UTC')).toBe('22/11/2026, 08:05');
  });
  it('leaves empty and unreadable values alone', () => {
    expect(formatDate(null, 'fr')).toBe('');
    expect(formatDate('', 'fr')).toBe('');
    expect(formatDate('not a date', 'fr')).toBe('not a date');
  });
  it('says how long ago', () => {
    const now = new Date(when);
    expect(formatRelative('2026-11-22T08:00:00Z', now, 'fr')).toBe('il y a 5 minutes');
    expect(formatRelative('2026-11-22T08:00:00Z', now, 'it')).toBe('5 minuti fa');
    expect(formatRelative('2026-11-22T08:00:00Z', now, 'en')).toBe('5 minutes ago');
    expect(formatRelative('2026-11-21T08:05:00Z', now, 'fr')).toBe('hier');
    expect(formatRelative('2026-01-01T08:05:00Z', now, 'en')).toMatch(/2026/);
  });
});

describe('numbers', () => {
  it('uses each locale separators', () => {
    expect(formatNumber(12345.678, 'fr')).toBe('12\u202f345,68');
    expect(formatNumber(12345.678, 'it')).toBe('12.345,68');
    expect(formatNumber(12345.678, 'en')).toBe('12,345.68');
    expect(formatNumber(12.5, 'fr', 1)).toBe('12,5');
    expect(formatNumber(null, 'fr')).toBe('');
  });
  it('formats distances and shares', () => {
    expect(formatKm(3.24, 'fr')).toBe('3,2\u202fkm');
    expect(formatKm(3.24, 'en')).toBe('3.2 km');
    expect(formatPercent(0.42, 'fr')).toBe('42\u00a0%');
    expect(formatPercent(0.42, 'it')).toBe('42%');
  });
});
