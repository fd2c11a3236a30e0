/**
 * The peers suite ({@code Suite.PEERS}, label {@code peers}), one JMH class per peer family, all
 * run in one run so that the ratios are not across machines or days: our kernels against the
 * scalar loop and Lucene ({@link io.latentbench.workbench.bench.suites.peers.KernelBenchmarks}),
 * the float species ({@link io.latentbench.workbench.bench.suites.peers.SpeciesBenchmarks}), knn
 * against a plain read of the same bytes
 * ({@link io.latentbench.workbench.bench.suites.peers.KnnScanBenchmarks}), knnBatch against one
 * query at a time ({@link io.latentbench.workbench.bench.suites.peers.KnnBatchBenchmarks}), numpy
 * and FAISS ({@link io.latentbench.workbench.bench.suites.peers.PythonPeerBenchmarks}) and the
 * build's allocation and peak heap ({@link io.latentbench.workbench.bench.suites.peers.BuildBenchmarks}).
 * A suite of several classes keeps them in a package named for its label, which is how the
 * catalog and a raw JMH file's reader know their suite. {@code bench.PeerRatios} prints the ratios.
 * Imports what {@code bench.suites} does.
 */
package io.latentbench.workbench.bench.suites.peers;
