/*
 * A light entry point: the page header and the viewport signal, without the forms, grids and dialogs
 * of the full barrel (index.ts). The web build splits chunks by the modules an entry can reach, and a
 * barrel reaches all its parts: a lazy route importing index.ts downloads the form, modal, date-picker
 * and editable-grid code of other pages with it (95 KB gzip on the 驾驶舱, issue 13).
 */
export * from './lib/page-header';
export * from './lib/viewport';
