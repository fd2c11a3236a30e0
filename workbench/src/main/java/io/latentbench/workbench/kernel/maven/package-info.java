/**
 * Resolution of Maven coordinates and POM fragments to jars with Maven Resolver, for the
 * {@code %maven} magics. Imports nothing of latentbench.
 */
package io.latentbench.workbench.kernel.maven;
