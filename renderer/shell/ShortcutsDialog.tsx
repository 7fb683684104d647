import { useEffect, useRef, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck } from '../store';

const SHORTCUTS: readonly [string, string][] = [
  ['1 – 6', 'Switch tab: Timeline, Performance, Consistency, Configuration, Actions, Dead letters'],
  ['/', 'Focus the timeline text filter'],
  ['Space', 'Pause or resume following live events'],
  ['t', 'Toggle dark / light theme'],
  ['Esc', 'Clear the selection (engine and event)'],
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
