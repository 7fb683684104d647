import type { ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck, useSession } from '../store';
import { selectCurrentConfiguration } from '../store/session/selectors';
import { DemoMenu } from '../views/demo/DemoMenu';
import { downloadText } from './download';

function stamp(): string {
  return new Date().toISOString().replaceAll(':', '-').replace(/\.\d+Z$/, 'Z');
}

/** Product name, the session's aircraft and configuration version, and the global actions. */
export function Header(): ReactElement {
  const current = useSession(selectCurrentConfiguration);
  const h = useFlightdeck(
    useShallow((s) => ({
      exporting: s.sessionExport.exporting,
      exportError: s.sessionExport.error,
      exportSession: s.sessionExport.run,
      paused: s.timeline.paused,
      togglePaused: s.timeline.togglePaused,
      theme: s.layout.theme,
      toggleTheme: s.layout.toggleTheme,
      presenter: s.layout.presenter,
      togglePresenter: s.layout.togglePresenter,
      setHelpOpen: s.layout.setHelpOpen
    }))
  );
  const onExport = async (): Promise<void> => {
    const json = await h.exportSession();
    if (json !== null) downloadText(`flightdeck-session-${stamp()}.json`, json);
  };
  return (
    <header className="fd-header">
      <div className="fd-brand">
        <span className="fd-logo" aria-hidden="true">
          ✈
        </span>
        <h1 className="fd-product">Flightdeck</h1>
      </div>
      <div className="fd-aircraft" data-testid="header-aircraft">
        {current ? (
          <>
            <span className="fd-aircraft-name">{current.configuration.name}</span>
            <span className="fd-aircraft-version">configuration v{current.version}</span>
          </>
        ) : (
          <span className="fd-aircraft-version">No configuration yet</span>
        )}
      </div>
      <div className="fd-header-actions">
        {h.exportError && (
          <span className="fd-header-error" role="alert">
            Export failed: {h.exportError}
          </span>
        )}
        <button type="button" className="fd-button" aria-pressed={h.paused} onClick={h.togglePaused} title="Pause or resume following live events (Space)">
          {h.paused ? '▶ Resume live' : '❚❚ Pause live'}
        </button>
        <button type="button" className="fd-button" aria-pressed={h.presenter} onClick={h.togglePresenter} title="Presenter mode: large type and a caption bar (f)">
          ▣ Presenter
        </button>
        <DemoMenu />
        <button type="button" className="fd-button" onClick={h.toggleTheme} title="Switch theme (t)">
          {h.theme === 'dark' ? '☀ Light theme' : '☾ Dark theme'}
        </button>
        <button type="button" className="fd-button fd-presenter-hidden" disabled={h.exporting} onClick={() => void onExport()}>
          {h.exporting ? 'Exporting…' : '⤓ Export session'}
        </button>
        <button type="button" className="fd-icon-button" aria-label="Keyboard shortcuts" onClick={() => h.setHelpOpen(true)}>
          ?
        </button>
      </div>
    </header>
  );
}
