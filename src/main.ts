/**
 * The bundle's entry: esbuild wraps this module in an IIFE assigned to the global `CreditDesk`.
 * Evaluating it defines functions and constants only; it calls no Apps Script service.
 */
export { registry } from './registry';
