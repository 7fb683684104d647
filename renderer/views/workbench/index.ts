/** The workbench views shown in the main tab strip. */
export { PerformanceView } from './performance/PerformanceView';
export { ConsistencyView } from './consistency/ConsistencyView';
export { ConfigurationView } from './configuration/ConfigurationView';
export { ActionsView } from './actions/ActionsView';
export { DeadLettersView } from './dead-letters/DeadLettersView';
export { SessionsView } from './sessions/SessionsView';
export { WhatIfView } from './whatif/WhatIfView';
