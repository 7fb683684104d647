import { useEffect } from 'react';
import { useFlightdeck, type FlightdeckState } from '../store';
import { TAB_IDS } from '../store/live';

/** True when a key press belongs to the element (typing, or activating a control). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select') !== null;
}

function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a, [role="tab"], [role="treeitem"], summary') !== null;
}

/**
 * The keys of a playing demo, as presenter clickers send them: → / PageDown next, ← / PageUp
 * previous, p / b ("blank") pause or resume. True when the key was one of them.
 */
function demoKey(key: string, demo: FlightdeckState['demo']): boolean {
  if (key === 'ArrowRight' || key === 'PageDown') demo.next();
  else if (key === 'ArrowLeft' || key === 'PageUp') demo.previous();
  else if (key === 'p' || key === 'P' || key === 'b' || key === 'B') demo.togglePause();
  else return false;
  return true;
}

/**
 * Global shortcuts: 1–N tabs (N = the number of tabs), `/` timeline filter, Space pause/resume,
 * `[` `]` one event back / forward in time, `l` live, `t` theme, `f` presenter mode, `?` help,
 * a playing demo's keys (`demoKey`),
 * Esc clears the selection. Ignored while typing in a field, where Esc leaves the field.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const s = useFlightdeck.getState();
      if (event.key === 'Escape') {
        if (s.layout.helpOpen) return;
        // In a field, Esc first leaves it (the shortcuts are off while typing).
        if (isTyping(event.target)) {
          (event.target as HTMLElement).blur();
          return;
        }
        s.selection.clear();
        return;
      }
      if (isTyping(event.target)) return;
      if (s.layout.helpOpen) return;
      if (s.demo.script && demoKey(event.key, s.demo)) {
        event.preventDefault();
        return;
      }
      const tabIndex = Number.parseInt(event.key, 10);
      if (event.key.length === 1 && tabIndex >= 1 && tabIndex <= TAB_IDS.length) {
        const tab = TAB_IDS[tabIndex - 1];
        if (tab) s.layout.setActiveTab(tab);
      } else if (event.key === '/') {
        event.preventDefault();
        s.layout.requestFilterFocus();
      } else if (event.key === ' ' && !isControl(event.target)) {
        event.preventDefault();
        s.timeline.togglePaused();
      } else if (event.key === '[' || event.key === ']') {
        s.viewed.step(event.key === '[' ? -1 : 1);
      } else if (event.key === 'l' || event.key === 'L') {
        s.viewed.goLive();
      } else if (event.key === 't' || event.key === 'T') {
        s.layout.toggleTheme();
      } else if (event.key === 'f' || event.key === 'F') {
        s.layout.togglePresenter();
      } else if (event.key === '?') {
        s.layout.setHelpOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
