export { normalCdf } from './normalCdf';
export { normalQuantile } from './normalQuantile';
export { tCdf } from './tCdf';
export { tDensity } from './tDensity';
export { tQuantile } from './tQuantile';
