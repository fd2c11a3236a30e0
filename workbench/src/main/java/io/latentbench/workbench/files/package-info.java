/**
 * How the workbench writes a file that a user or CI reads: atomically, through a temporary sibling and
 * a rename; and the one HTML escaper ({@link Html}) for the pages it writes. The lowest package of the
 * workbench: imports only the JDK, and any package may import it.
 */
package io.latentbench.workbench.files;
