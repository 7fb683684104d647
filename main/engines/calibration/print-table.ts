import { calibrationRows, formatCalibrationTable } from './error-table';

/** Prints the calibration error table: `npx tsx main/engines/calibration/print-table.ts`. */
console.log(formatCalibrationTable(calibrationRows()));
