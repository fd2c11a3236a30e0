/**
 * A notebook as one self-contained HTML page, with highlighted code. Imports {@code notebook} (the
 * model) only; the kernel's table renderer uses its escaping.
 */
package io.latentbench.workbench.notebook.html;
