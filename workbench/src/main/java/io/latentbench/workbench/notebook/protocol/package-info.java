/**
 * The client side of the Jupyter messaging protocol: connection files, kernelspecs and where Jupyter
 * finds them, kernel processes, and signed ZMQ messages. Imports nothing of latentbench.
 */
package io.latentbench.workbench.notebook.protocol;
