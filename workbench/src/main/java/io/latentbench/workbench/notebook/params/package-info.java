/**
 * Parameter values and how they are written in a kernel's language (Java, Python), and papermill's
 * path templates. Imports nothing of latentbench.
 */
package io.latentbench.workbench.notebook.params;
