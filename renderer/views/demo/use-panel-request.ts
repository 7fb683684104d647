import { useEffect, useState } from 'react';
import { useFlightdeck } from '../../store';

/** The element id `Panel` gives a panel's heading. */
function headingId(title: string): string {
  return `wb-panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/**
 * Scrolls the panel a demo step asked for (`showPanel`) to the top of its view, once the tab
 * has rendered. Returns the title when the shown tab has no such panel, for the demo bar to say so.
 */
export function usePanelRequest(): string | null {
  const request = useFlightdeck((s) => s.demo.panelRequest);
  const [missing, setMissing] = useState<string | null>(null);
  useEffect(() => {
    if (!request) return;
    const frame = requestAnimationFrame(() => {
      const panel = document.getElementById(headingId(request.title))?.closest('section');
      panel?.scrollIntoView({ block: 'start', behavior: 'instant' });
      setMissing(panel ? null : request.title);
    });
    return () => cancelAnimationFrame(frame);
  }, [request]);
  return request ? missing : null;
}
