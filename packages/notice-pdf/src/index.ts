/**
 * Change notices as PDF, for compliance to send as is: the words of the
 * Markdown notice on US letter pages, DejaVu Sans embedded, text extractable,
 * byte-identical for the same notice (fixed metadata, no clock).
 *
 * @example
 * import { buildNotice } from '@criteria/notice';
 * import { renderNoticePdf } from '@criteria/notice-pdf';
 * writeFileSync('notice.pdf', await renderNoticePdf(buildNotice(imrt, '2021-03-02')));
 */
export { documentDate, LETTER, renderNoticePdf } from './render-pdf.js';
