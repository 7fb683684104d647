import type { ReactElement } from 'react';

// Temporary: replaced by the real views in this folder before the renderer issue closes.
export const PerformanceView = (): ReactElement => <section aria-label="Performance" />;
export const ConsistencyView = (): ReactElement => <section aria-label="Consistency" />;
export const ConfigurationView = (): ReactElement => <section aria-label="Configuration" />;
export const ActionsView = (): ReactElement => <section aria-label="Actions" />;
