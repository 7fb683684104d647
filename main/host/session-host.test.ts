import { describe, expect, it } from 'vitest';
import type { StreamBatch } from '../../shared/protocol';
import { ConfigurationChangeResultSchema, SystemStatusSchema } from '../../shared/protocol';
import { useSessionHost } from './test-session-host';

const fixture = useSessionHost();

const nextBatch = (predicate: (batch: StreamBatch) => boolean, timeoutMs = 3000): Promise<StreamBatch> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.dispose();
      reject(new Error('no matching batch'));
    }, timeoutMs);
    const client = fixture.host.attachClient((batch) => {
      if (!predicate(batch)) return;
      clearTimeout(timer);
      client.dispose();
      resolve(batch);
    });
  });

describe('SessionHost commands', () => {
  it('answers a valid command with data matching its response schema', async () => {
    const result = await fixture.host.invoke('status.get', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const status = SystemStatusSchema.parse(result.data);
    expect(status.engines.map((e) => e.engineId)).toEqual([
      'design',
      'materials',
      'propulsion',
      'sensors',
      'aerodynamics',
      'manufacturing'
    ]);
  });

  it('names the field of a bad payload and keeps the session working', async () => {
    const bad = await fixture.host.invoke('engine.fault', { engineId: 'sensors', fault: { kind: 'slow', delayMs: 'soon' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request', field: 'fault.delayMs' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/engine\.fault: field "fault\.delayMs"/);
    const good = await fixture.host.invoke('configuration.get', {});
    expect(good.ok).toBe(true);
  });

  it('refuses an unknown command by name', async () => {
    const result = await fixture.host.invoke('engines.selfDestruct', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    if (!result.ok) expect(result.error.message).toMatch(/engines\.selfDestruct/);
  });

  it('reports a failing command as a failed result, not a throw', async () => {
    const result = await fixture.host.invoke('scenario.load', { scenarioId: 'no-such-aircraft' });
    expect(result).toMatchObject({ ok: false, error: { code: 'failed' } });
    if (!result.ok) expect(result.error.message).toMatch(/unknown scenario "no-such-aircraft"; available: .*f22a/);
  });

  it('swaps the F/A-18E engines for EJ200s and every dependent engine computes the new version', async () => {
    const loaded = await fixture.host.invoke('scenario.load', { scenarioId: 'fa18e' });
    expect(loaded.ok).toBe(true);
    const before = await fixture.host.invoke('analysis.run', { analysisType: 'complete_performance' });
    const current = await fixture.host.invoke('configuration.get', {});
    if (!current.ok || !current.data.configuration || !before.ok) throw new Error('setup failed');
    const configuration = current.data.configuration;
    const applied = await fixture.host.invoke('configuration.apply', {
      configuration: { ...configuration, propulsion: { ...configuration.propulsion, engineModel: 'EJ200' } }
    });
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    const change = ConfigurationChangeResultSchema.parse(applied.data);
    expect(change.engines.every((e) => e.outcome === 'computed')).toBe(true);
    for (const engineId of ['materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing']) {
      expect(fixture.session.coordinator.state.engines[engineId]?.computedVersion).toBe(change.version);
    }
    const after = await fixture.host.invoke('analysis.run', { analysisType: 'complete_performance' });
    if (!after.ok) throw new Error(after.error.message);
    for (const figure of ['thrustToWeight', 'maxMach', 'combatRadiusKm', 'unitFlyawayCostMUSD']) {
      expect(after.data.summary[figure], figure).not.toEqual(before.data.summary[figure]);
    }
    // Every recomputation is linked to the change.
    const chain = fixture.session.coordinator.log.query({ correlationId: change.correlationId });
    expect(chain.filter((e) => e.eventType === 'engine_output').map((e) => e.sourceEngine).sort()).toEqual(
      ['aerodynamics', 'design', 'manufacturing', 'materials', 'propulsion', 'sensors']
    );
  });
});

describe('SessionHost apply and validate', () => {
  it('apply refuses exactly what validate refuses, naming the field, and changes nothing', async () => {
    const current = await fixture.host.invoke('configuration.get', {});
    if (!current.ok || !current.data.configuration) throw new Error('setup failed');
    const base = current.data.configuration;
    for (const bad of [
      { ...base, basePlatform: { ...base.basePlatform, emptyMassKg: 1e308 } },
      { ...base, basePlatform: { ...base.basePlatform, wingAreaM2: 5e-324 } },
      { ...base, propulsion: { ...base.propulsion, engineModel: 'RM12' } }
    ]) {
      const validated = await fixture.host.invoke('configuration.validate', { configuration: bad });
      if (!validated.ok) throw new Error(validated.error.message);
      expect(validated.data.valid).toBe(false);
      const applied = await fixture.host.invoke('configuration.apply', { configuration: bad });
      const refusedBySchema = !applied.ok;
      if (applied.ok) {
        expect(applied.data.ok).toBe(false);
        expect(applied.data.version).toBe(current.data.version);
        const paths = validated.data.findings.filter((f) => f.severity === 'error').map((f) => f.path);
        expect(applied.data.findings.filter((f) => f.severity === 'error').map((f) => f.path)).toEqual(paths);
      } else {
        expect(refusedBySchema && applied.error.code).toBe('invalid_request');
      }
      expect(fixture.session.coordinator.configuration?.version).toBe(current.data.version);
    }
  });
});

describe('SessionHost stream', () => {
  it('streams the log in batches, and counts nothing dropped at normal load', async () => {
    const batchWithEvents = nextBatch((batch) => batch.events.some((e) => e.eventType === 'configuration_changed'));
    await fixture.host.invoke('scenario.load', { scenarioId: 'typhoon' });
    const batch = await batchWithEvents;
    expect(batch.dropped.total).toBe(0);
    expect(batch.queue.capacity).toBeGreaterThan(0);
  });
});
