export { maskPersonalData, maskValue } from './personal-data.js';
