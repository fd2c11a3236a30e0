/**
 * A notebook as one self-contained HTML page, with highlighted code. Imports {@code notebook} (the
 * model) and {@code files} (HTML escaping) only.
 */
package io.latentbench.workbench.notebook.html;
