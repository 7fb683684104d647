import { useId, useState, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { parseDemoScript } from '../../../shared/demo/demo-script';
import { useFlightdeck } from '../../store';
import { DEMO_PACINGS } from '../../store/demo/demo-slice';
import { UI_SCALE_MAX, UI_SCALE_MIN } from '../../store/live/ui-scale';
import { SaveAsDemoButton } from './SaveAsDemoButton';
import { SHIPPED_DEMOS } from './shipped-demos';
import './demo.css';

const SHIPPED = SHIPPED_DEMOS.map((demo) => {
  const parsed = parseDemoScript(demo.text);
  return { ...demo, name: parsed.ok ? parsed.script.name : demo.id, description: parsed.ok ? parsed.script.description : parsed.errors.join('; ') };
});

function stamp(): string {
  return new Date().toISOString().slice(0, 16).replace(':', '-');
}

/** The Present menu: presenter mode, UI scale, the shipped demos, a demo file, pacing, and saving this session as a demo. */
export function DemoMenu(): ReactElement {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const m = useFlightdeck(
    useShallow((s) => ({
      presenter: s.layout.presenter,
      togglePresenter: s.layout.togglePresenter,
      uiScale: s.layout.uiScale,
      setUiScale: s.layout.setUiScale,
      openDemo: s.demo.open,
      loadErrors: s.demo.loadErrors,
      pacing: s.demo.pacing,
      setPacing: s.demo.setPacing,
      connected: s.connection.info.state === 'open'
    }))
  );
  const play = (text: string, source: string): void => {
    if (m.openDemo(text, source)) setOpen(false);
  };
  const onFile = async (file: File | undefined): Promise<void> => {
    if (file) play(await file.text(), file.name);
  };
  return (
    <div className="dm-menu-anchor">
      <button type="button" className="fd-button" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)}>
        Present ▾
      </button>
      {open && (
        <div className="dm-menu" id={menuId} role="dialog" aria-label="Present and demos" data-testid="demo-menu">
          <h2>Presenting</h2>
          <div className="dm-menu-row">
            <label className="wb-check">
              <input type="checkbox" checked={m.presenter} onChange={m.togglePresenter} /> Presenter mode (f): large type and a caption bar
            </label>
          </div>
          <div className="dm-menu-row">
            <label className="wb-field">
              <span>UI scale</span>
              <input
                type="range"
                min={UI_SCALE_MIN * 100}
                max={UI_SCALE_MAX * 100}
                step={5}
                value={Math.round(m.uiScale * 100)}
                onChange={(e) => m.setUiScale(Number(e.target.value) / 100)}
                data-testid="ui-scale"
              />
              <output>{Math.round(m.uiScale * 100)} %</output>
            </label>
          </div>
          <h2>Demos</h2>
          <ul className="dm-demo-list">
            {SHIPPED.map((demo) => (
              <li key={demo.id} data-demo={demo.id}>
                <div>
                  <strong>{demo.name}</strong>
                  {demo.description && <p>{demo.description}</p>}
                </div>
                <button type="button" className="fd-button" disabled={!m.connected} onClick={() => play(demo.text, demo.id)} aria-label={`Play ${demo.name}`}>
                  ▶ Play
                </button>
              </li>
            ))}
          </ul>
          <div className="dm-menu-row">
            <label className="wb-field">
              <span>Open a demo file</span>
              <input type="file" accept=".yaml,.yml,text/yaml" data-testid="demo-file" onChange={(e) => void onFile(e.target.files?.[0])} />
            </label>
          </div>
          {m.loadErrors && (
            <ul className="dm-errors" role="alert" aria-label="Demo file errors" data-testid="demo-load-errors">
              {m.loadErrors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          )}
          <div className="dm-menu-row">
            <label className="wb-field">
              <span>Pauses</span>
              <select className="wb-select" value={String(m.pacing)} onChange={(e) => m.setPacing(Number(e.target.value))} data-testid="demo-pacing">
                {DEMO_PACINGS.map((pacing) => (
                  <option key={pacing} value={String(pacing)}>
                    {pacing === 1 ? 'as written' : `× ${pacing} (rehearsal)`}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <h2>Save</h2>
          <div className="dm-menu-row">
            <SaveAsDemoButton name={`Session of ${stamp()}`} className="fd-button" label="⤓ Save this session as a demo" />
          </div>
          <p className="wb-note">Any recorded session: Sessions tab, As demo.</p>
        </div>
      )}
    </div>
  );
}
