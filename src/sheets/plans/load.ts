/**
 * Loading the credit file together with the Plans sheet. Every load reads the Plans sheet now
 * (src/sheets/creditFile.ts), so these are the same functions under the names the plans code uses.
 */
export { loadPicture as loadPictureWithPlans, plansOf } from '../creditFile';
export type { LoadedPicture as LoadedPlans } from '../creditFile';
