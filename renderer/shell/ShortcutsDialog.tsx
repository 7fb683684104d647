import { useEffect, useRef, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck } from '../store';
import { TAB_IDS } from '../store/live';
import { TAB_LABELS } from './tabs';

const SHORTCUTS: readonly [string, string][] = [
  // Derived from the tab list, so a new tab is listed with its key.
  [`1 – ${TAB_IDS.length}`, `Switch tab: ${TAB_IDS.map((tab) => TAB_LABELS[tab]).join(', ')}`],
  ['/', 'Focus the timeline text filter'],
  ['Space', 'Pause or resume following live events'],
  ['[ / ]', 'Time travel: one event back / forward (the views turn read-only until Live)'],
  ['l', 'Back to the live session, now'],
  ['t', 'Toggle dark / light theme'],
  ['f', 'Presenter mode: large type and a caption bar'],
  ['→ / PageDown', 'Demo: next step now'],
  ['← / PageUp', "Demo: the previous step's caption and view (undoes nothing)"],
  ['p / b', 'Demo: pause or resume (b is a clicker\'s “blank” key)'],
  ['Esc', 'Leave a field (shortcuts are off while typing); clear the selection (engine and event)'],
  ['↑ / ↓', 'Previous / next event (timeline list focused)'],
  ['?', 'Show this help']
];

/** The keyboard shortcuts help (a native modal dialog: focus is trapped, Esc closes it). */
export function ShortcutsDialog(): ReactElement {
  const { open, setHelpOpen } = useFlightdeck(useShallow((s) => ({ open: s.layout.helpOpen, setHelpOpen: s.layout.setHelpOpen })));
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="fd-dialog" aria-labelledby="fd-shortcuts-title" onClose={() => setHelpOpen(false)}>
      <h2 id="fd-shortcuts-title" className="fd-dialog-title">
        Keyboard shortcuts
      </h2>
      <table className="fd-shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="fd-dialog-actions">
        <button type="button" className="fd-button fd-button--primary" onClick={() => setHelpOpen(false)}>
          Close
        </button>
      </div>
    </dialog>
  );
}
