export { maskDeclaredPersonal, maskPersonalData, maskValue } from './personal-data.js';
