import { useEffect, type ReactElement } from 'react';
import './App.css';
import { Header } from './shell/Header';
import { MainLayout } from './shell/MainLayout';
import { ShortcutsDialog } from './shell/ShortcutsDialog';
import { StatusBar } from './shell/StatusBar';
import { useShortcuts } from './shell/use-shortcuts';
import { useFlightdeck } from './store';
import { TimeTravelBar } from './views/live/timetravel/TimeTravelBar';

/** The application shell: header, time-travel bar, resizable graph / inspector / tabbed views, status bar. */
export function App(): ReactElement {
  const theme = useFlightdeck((s) => s.layout.theme);
  useShortcuts();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <div className="fd-app">
      <Header />
      <TimeTravelBar />
      <MainLayout />
      <StatusBar />
      <ShortcutsDialog />
    </div>
  );
}
