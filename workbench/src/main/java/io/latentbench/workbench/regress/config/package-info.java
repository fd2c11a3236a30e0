/**
 * {@code regression_config.toml}: thresholds, statistics, baseline management and actions, with
 * {@code ${NAME}} expansion from the environment. Imports {@code regress} only (the threshold
 * entries).
 */
package io.latentbench.workbench.regress.config;
