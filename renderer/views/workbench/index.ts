/** The workbench views shown in the main tab strip (being built; see the workbench owner). */
export { PerformanceView, ConsistencyView, ConfigurationView, ActionsView } from './placeholder-views';
