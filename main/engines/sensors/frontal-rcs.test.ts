import { describe, expect, it } from 'vitest';
import type { StructuralZone } from '../../../shared/aircraft';
import { zoneAbsorptionFromCoatings } from '../materials/coatings';
import { coatedPowerFraction, frontalRcs, type FrontalRcsInputs } from './frontal-rcs';
import { loadSensorsLibrary } from './library';

const model = loadSensorsLibrary().rcsModel;
const bare = zoneAbsorptionFromCoatings([], new Map());

function coated(zones: StructuralZone[], X: number): FrontalRcsInputs['zoneAbsorptionDb'] {
  const record = zoneAbsorptionFromCoatings([], new Map());
  for (const zone of zones) record[zone] = { S: 0, X, Ku: 0 };
  return record;
}

const conventional: FrontalRcsInputs = {
  wingAreaM2: 30,
  sweepDeg: 0,
  planformAligned: false,
  inletType: 'pitot',
  radarAntenna: 'mechanical',
  hardpointStores: 0,
  conformalStores: 0,
  zoneAbsorptionDb: bare
};

describe('coatedPowerFraction', () => {
  it('weights each zone by its share', () => {
    // 0.4 × 10^(−1) + 0.6 × 1 = 0.64
    const weights = { wings: 0.4, forward_fuselage: 0.6 };
    expect(coatedPowerFraction(weights, coated(['wings'], 10), 'X')).toBeCloseTo(0.64, 12);
  });
});

describe('frontalRcs', () => {
  it('sums the hand-calculated components of an unswept bare airframe', () => {
    const rcs = frontalRcs(conventional, model, 'X');
    expect(rcs.airframeM2).toBeCloseTo(0.6, 12);
    expect(rcs.inletM2).toBe(0.6);
    expect(rcs.canopyM2).toBe(0.2);
    expect(rcs.radarM2).toBe(0.4);
    expect(rcs.totalM2).toBeCloseTo(1.8, 12);
  });

  it('reduces the airframe term with cos² of the sweep', () => {
    const swept = frontalRcs({ ...conventional, sweepDeg: 60 }, model, 'X');
    expect(swept.airframeM2).toBeCloseTo(0.6 * 0.25, 12);
  });

  it('lowers the RCS with a coating, only in the bands it absorbs', () => {
    const treated = {
      ...conventional,
      zoneAbsorptionDb: coated(['inlets', 'forward_fuselage', 'wings'], 10)
    };
    const x = frontalRcs(treated, model, 'X');
    expect(x.inletM2).toBeCloseTo(0.06, 12);
    expect(x.totalM2).toBeLessThan(frontalRcs(conventional, model, 'X').totalM2 / 2);
    expect(frontalRcs(treated, model, 'S').totalM2).toBeCloseTo(
      frontalRcs(conventional, model, 'S').totalM2,
      12
    );
  });

  it('adds external stores and ignores internal carriage', () => {
    const loaded = frontalRcs(
      { ...conventional, hardpointStores: 4, conformalStores: 2 },
      model,
      'X'
    );
    expect(loaded.storesM2).toBeCloseTo(4 * 0.2 + 2 * 0.05, 12);
  });

  it('scales the shaped components by the alignment factor', () => {
    const aligned = frontalRcs(
      { ...conventional, planformAligned: true, radarAntenna: 'aesa' },
      model,
      'X'
    );
    expect(aligned.airframeM2).toBeCloseTo(0.006, 12);
    expect(aligned.radarM2).toBeCloseTo(0.0002, 12);
  });
});
