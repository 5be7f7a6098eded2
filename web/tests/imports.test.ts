import { describe, expect, it } from 'vitest';
import { contentTypeFor, isFinished, pollJob, progressRatio } from '../src/modules/imports/poll';
import type { Job } from '../src/app/types';

const job = (status: Job['status'], done = 0, total = 0, extra: Partial<Job> = {}): Job =>
  ({ id: 1, kind: 'import.actors', status, progress: { stage: 'validating', done, total }, result: null, error: null, ...extra });

describe('following a job', () => {
  it('reads until the job ends, waiting longer each time', async () => {
    const states = [job('queued'), job('running', 10, 40), job('running', 30, 40), job('succeeded', 40, 40, { result: { created: 3 } })];
    const waits: number[] = [];
    const seen: string[] = [];
    const final = await pollJob(async () => states.shift()!, {
      interval: 100, maxInterval: 200,
      sleep: async (ms) => void waits.push(ms),
      onUpdate: (j) => seen.push(`${j.status}:${j.progress?.done}`),
    });
    expect(final.status).toBe('succeeded');
    expect(seen).toEqual(['queued:0', 'running:10', 'running:30', 'succeeded:40']);
    expect(waits).toEqual([100, 150, 200]);
  });
  it('stops on failure', async () => {
    const final = await pollJob(async () => job('failed', 0, 0, { error: { code: 'invalid_input', problems: [] } }), { sleep: async () => undefined });
    expect(final.status).toBe('failed');
  });
  it('stops when aborted', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(pollJob(async () => job('running'), { signal: ctl.signal })).rejects.toThrow(/aborted/);
  });
  it('computes progress', () => {
    expect(progressRatio(job('running', 10, 40))).toBe(0.25);
    expect(progressRatio(job('running', 50, 40))).toBe(1);
    expect(progressRatio(job('queued'))).toBeNull();
    expect(progressRatio(job('succeeded'))).toBe(1);
    expect(isFinished(job('running'))).toBe(false);
  });
  it('sends each accepted file type', () => {
    expect(contentTypeFor('acteurs.CSV')).toBe('text/csv');
    expect(contentTypeFor('acteurs.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(contentTypeFor('acteurs.ods')).toBeNull();
    expect(contentTypeFor('noextension')).toBeNull();
  });
});
