export { buildAppPackage, type PackageOptions, type PackageResult } from './build.js';
export { PackagingError } from './errors.js';
export { checkColorIcon, checkOutlineIcon } from './icons.js';
export { validateAgainstBundledSchema } from './schema.js';
