import { useEffect, type ReactElement } from 'react';
import './App.css';
import { Header } from './shell/Header';
import { MainLayout } from './shell/MainLayout';
import { ShortcutsDialog } from './shell/ShortcutsDialog';
import { StatusBar } from './shell/StatusBar';
import { useShortcuts } from './shell/use-shortcuts';
import { useFlightdeck } from './store';
import { effectiveUiScale, rowHeightPx } from './store/live/ui-scale';
import { DemoBar } from './views/demo/DemoBar';
import { TimeTravelBar } from './views/live/timetravel/TimeTravelBar';

/** The application shell: header, time-travel bar, resizable graph / inspector / tabbed views, demo bar, status bar. */
export function App(): ReactElement {
  const theme = useFlightdeck((s) => s.layout.theme);
  const presenter = useFlightdeck((s) => s.layout.presenter);
  const scale = useFlightdeck((s) => effectiveUiScale(s.layout));
  useShortcuts();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    const root = document.documentElement;
    root.style.setProperty('--ui-scale', String(scale));
    root.style.setProperty('--row', `${rowHeightPx(scale)}px`);
    root.dataset.presenter = String(presenter);
  }, [scale, presenter]);

  return (
    <div className="fd-app">
      <Header />
      <TimeTravelBar />
      <MainLayout />
      <DemoBar />
      <StatusBar />
      <ShortcutsDialog />
    </div>
  );
}
