/**
 * 添付書類: the papers the guidelines expect beside the forms (the 収支決算書 and receipts with ④'s completion report,
 * 旭川 Q19; photos with progress reports; the signed 協定書 at ③'s exchange; the evaluation sheet in ⑤), stored in the
 * database, checked by their content, read only by the project's people, published only by staff
 * (docs/documents.md). Reads the phases' task keys; no phase reads it (the completion report's rule reaches the
 * diagram as the bean {@code requireStatement}).
 */
package jp.kyodo.documents;
