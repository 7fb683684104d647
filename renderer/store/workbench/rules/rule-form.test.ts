import { describe, it, expect } from 'vitest';
import type { ConsistencyRuleSpec } from '../../../../shared/consistency';
import { buildRuleSpec, formFieldOfError, parseTolerance, rulePatch, type RuleFormValues } from './rule-form';

const values: RuleFormValues = {
  ruleId: 'radar_mass',
  sourceEngine: 'design',
  dependentEngines: ['sensors', 'design'],
  fields: 'sensorMassKg, radarId ,',
  severity: 'warning',
  relative: '0.01',
  absolute: '',
  autoUpdate: true,
  description: ''
};

describe('buildRuleSpec', () => {
  it('builds a spec, dropping the source from its dependents and blank fields', () => {
    const result = buildRuleSpec(values);
    expect(result).toEqual({
      ok: true,
      spec: {
        ruleId: 'radar_mass',
        sourceEngine: 'design',
        dependentEngines: ['sensors'],
        dataFields: ['sensorMassKg', 'radarId'],
        autoUpdate: true,
        severity: 'warning',
        description: 'design agrees with sensors',
        tolerance: { relative: 0.01 }
      }
    });
  });

  it('names each bad field', () => {
    const result = buildRuleSpec({ ...values, ruleId: 'bad id', dependentEngines: ['design'], absolute: '-1' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['dependentEngines', 'ruleId', 'tolerance']);
  });
});

describe('parseTolerance', () => {
  it('reads either bound and leaves blanks out', () => {
    expect(parseTolerance('', '')).toEqual({});
    expect(parseTolerance('', '2.5')).toEqual({ tolerance: { absolute: 2.5 } });
    expect(parseTolerance('x', '').error).toMatch(/relative/);
  });
});

describe('formFieldOfError', () => {
  it('maps the host error path to a form field', () => {
    expect(formFieldOfError({ message: 'x', field: 'dataFields.0' })).toBe('fields');
    expect(formFieldOfError({ message: 'x', field: 'tolerance.relative' })).toBe('tolerance');
    expect(formFieldOfError({ message: 'consistency rule "a" already exists' })).toBe('ruleId');
    expect(formFieldOfError({ message: 'engine exploded' })).toBe('form');
  });
});

describe('rulePatch', () => {
  const rule: ConsistencyRuleSpec = { ruleId: 'r', sourceEngine: 'design', dependentEngines: ['sensors'], dataFields: [], autoUpdate: false, severity: 'error', description: 'd' };

  it('sends only what changed', () => {
    expect(rulePatch(rule, { ...rule })).toEqual({});
    expect(rulePatch(rule, { ...rule, enabled: false, tolerance: { absolute: 1 } })).toEqual({ enabled: false, tolerance: { absolute: 1 } });
    expect(rulePatch({ ...rule, enabled: false }, { ...rule, enabled: true })).toEqual({ enabled: true });
    expect(rulePatch(rule, { ...rule, dataFields: ['powerDemandKW'] })).toEqual({ dataFields: ['powerDemandKW'] });
  });
});
