import { describe, expect, it } from 'vitest';
import { bootSimulation, createAnalysisPool, openSessions } from '../../src/client';
import { presetScenario } from '../engine/helpers';

// Node has no Web Worker: every start-up here takes the main-thread fallback.
describe('the main-thread fallback', () => {
  it('runs the app’s session on the main thread when the page asks for it', async () => {
    const booted = await bootSimulation('?sim=main');
    expect(booted.supervisor).toBeNull();
    expect(booted.notice).toContain('main thread (requested by the URL)');
    const run = await booted.api.load(presetScenario('fig2-native'));
    expect((await booted.api.frameAt(run.eventCount)).cursor).toBe(run.eventCount);
  });

  it('says why when the worker cannot start, and runs all the same', async () => {
    const booted = await bootSimulation('');
    expect(booted.supervisor).toBeNull();
    expect(booted.notice).toMatch(/the Web Worker did not start: .+\)/);
    expect((await booted.api.load(presetScenario('fig2-native'))).eventCount).toBeGreaterThan(0);
  });

  it('gives a view sessions of its own that do not share a run', async () => {
    const sessions = await openSessions(2, '');
    expect(sessions.mainThread).toBe(true);
    const [a, b] = sessions.apis;
    const runA = await a!.load(presetScenario('fig3-broadcast'));
    const runB = await b!.load(presetScenario('fig4-selective'));
    expect(runA.eventCount).not.toBe(runB.eventCount);
    // Each session still holds its own run after the other loaded.
    expect((await a!.frameAt(runA.eventCount)).cursor).toBe(runA.eventCount);
    sessions.close();
  });

  it('spreads a sweep over one main-thread runner', async () => {
    const pool = await createAnalysisPool(2, '?sim=main');
    expect(pool.mainThread).toBe(true);
    expect(pool.sweepers).toHaveLength(1);
    pool.close();
  });
});
