import type { ReactElement } from 'react';
import type { InputsFreshness } from '../../../../shared/results';

/**
 * Says whether a result is current. A result computed from stale, blocked or failed inputs is
 * flagged prominently, naming each engine and the version it had; one computed for an earlier
 * configuration says which. Only a result current on both counts reads "current".
 */
export function InputsNotice({ inputs, currentVersion, testId }: { inputs: InputsFreshness; currentVersion: number; testId: string }): ReactElement {
  const outdated = inputs.configVersion < currentVersion;
  if (inputs.upToDate && !outdated) {
    return (
      <p className="wb-note" data-testid={testId} data-current="true">
        Current: computed from configuration v{inputs.configVersion} with every engine up to date.
      </p>
    );
  }
  return (
    <div className="ac-stale-notice" role="alert" data-testid={testId} data-current="false">
      <strong>Not current.</strong>{' '}
      {outdated && `Computed for configuration v${inputs.configVersion}; the configuration is now v${currentVersion}. `}
      {!inputs.upToDate && (
        <>
          Computed from stale inputs for configuration v{inputs.configVersion}:
          <ul>
            {inputs.staleInputs.map((input) => (
              <li key={input.engineId}>
                <span className="wb-mono">{input.engineId}</span> ({input.status}, computed v{input.computedVersion}): {input.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
