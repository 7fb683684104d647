export { DataFileError, formatIssuePath, loadDataFile, parseDataText } from '../../core/config/data-file';
