import { describe, expect, it } from 'vitest';
import { formatMonth } from '../src/app/format';
import { ledgerDifference, ledgerTotals, type LedgerRow } from '../src/modules/sharedjobs/model';

const row = (planned: number, realised: number | null): LedgerRow =>
  ({ worker_id: 1, member_id: 2, month: '2026-03', planned_hours: planned, realised_hours: realised, note: null });

describe('hours ledger', () => {
  it('gives realised minus planned, and nothing before the month is recorded', () => {
    expect(ledgerDifference(row(60.5, 58))).toBe(-2.5);
    expect(ledgerDifference(row(10, 12.25))).toBe(2.25);
    expect(ledgerDifference(row(10, null))).toBeNull();
  });
  it('totals planned over every row but compares realised only where it is recorded', () => {
    // 40 + 30 + 20 planned; realised 38 and 31 recorded on the first two rows (planned 70).
    expect(ledgerTotals([row(40, 38), row(30, 31), row(20, null)])).toEqual({ planned: 90, realised: 69, recorded: 2, plannedRecorded: 70 });
    expect(ledgerTotals([])).toEqual({ planned: 0, realised: 0, recorded: 0, plannedRecorded: 0 });
  });
});

describe('months', () => {
  it('names a month per locale', () => {
    expect(formatMonth('2026-03', 'fr')).toBe('mars 2026');
    expect(formatMonth('2026-03', 'it')).toBe('marzo 2026');
    expect(formatMonth('2026-12', 'en')).toBe('December 2026');
    expect(formatMonth('not-a-month', 'fr')).toBe('not-a-month');
  });
});
