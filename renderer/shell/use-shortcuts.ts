import { useEffect } from 'react';
import { useFlightdeck } from '../store';
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
 * Global shortcuts: 1–N tabs (N = the number of tabs), `/` timeline filter, Space pause/resume,
 * `[` `]` one event back / forward in time, `l` live, `t` theme, `?` help,
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
      } else if (event.key === '?') {
        s.layout.setHelpOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
