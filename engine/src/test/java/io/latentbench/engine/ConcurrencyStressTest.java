package io.latentbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Writers add and remove "churn" embeddings while readers query. Every embedding is a pure
 * function of its id, so each answer can be checked on its own: right distances, sorted,
 * no duplicates, and the permanent "core" embeddings always found.
 */
class ConcurrencyStressTest {

    private static final int DIM = 24;
    private static final int CORE = 400;

    /** Core ids 0..CORE-1 sit near the origin; churn ids start at 1_000_000 and sit far away. */
    static float[] vectorOf(long id) {
        float[] v = TestVectors.uniform(DIM, id * 7919);
        if (id >= 1_000_000) {
            v[0] += 50;
        }
        return v;
    }

    @Test
    void concurrentWritersAndReadersSeeConsistentSnapshots() throws Exception {
        LatentSpace space = LatentSpace.create(LatentConfig.builder(DIM)
                .attentionType(AttentionType.moe(3, 2)).build());
        for (long id = 0; id < CORE; id++) {
            space.add(vectorOf(id), id);
        }
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int writer = w;
            futures.add(pool.submit(() -> {
                await(start);
                SplittableRandom random = new SplittableRandom(writer);
                List<Long> mine = new ArrayList<>();
                for (int op = 0; op < 3000; op++) {
                    if (mine.isEmpty() || random.nextInt(3) != 0) {
                        long id = 1_000_000 + writer * 100_000L + op;
                        space.add(vectorOf(id), id);
                        mine.add(id);
                    } else {
                        long id = mine.remove(random.nextInt(mine.size()));
                        if (!space.remove(id)) failures.add("remove of present id " + id + " returned false");
                    }
                }
            }));
        }
        for (int r = 0; r < 4; r++) {
            int reader = r;
            futures.add(pool.submit(() -> {
                await(start);
                SplittableRandom random = new SplittableRandom(100 + reader);
                for (int op = 0; op < 400; op++) {
                    long coreId = random.nextInt(CORE);
                    float[] q = vectorOf(coreId);
                    checkKnn(space, q, coreId, space.knn(q, 10), failures);
                    if (op % 20 == 0) {
                        List<List<Neighbor>> batch = space.knnBatch(new float[][] {q, q}, 5);
                        checkKnn(space, q, coreId, batch.get(0), failures);
                        if (!batch.get(0).equals(batch.get(1))) failures.add("one batch saw two snapshots");
                    }
                    float[] out = space.attention(q);
                    for (float x : out) if (!Float.isFinite(x)) failures.add("attention gave " + x);
                    if (!java.util.Arrays.equals(space.get(coreId), vectorOf(coreId))) failures.add("get(" + coreId + ") changed");
                }
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(failures).isEmpty();
        assertThat(space.size()).isGreaterThanOrEqualTo(CORE);
        long[] ids = space.idsInOrder();
        assertThat(ids).hasSize(space.size());
        assertThat(ids).startsWith(java.util.stream.LongStream.range(0, CORE).toArray());
    }

    private static void checkKnn(LatentSpace space, float[] q, long coreId, List<Neighbor> hits, ConcurrentLinkedQueue<String> failures) {
        if (hits.size() != 10 && hits.size() != 5) failures.add("wrong hit count " + hits.size());
        if (hits.get(0).id() != coreId || hits.get(0).distance() != 0f) failures.add("nearest of core " + coreId + " was " + hits.get(0));
        Set<Long> seen = new HashSet<>();
        Neighbor previous = null;
        for (Neighbor n : hits) {
            if (!seen.add(n.id())) failures.add("duplicate id " + n.id());
            if (previous != null && previous.compareTo(n) > 0) failures.add("unsorted " + previous + " > " + n);
            double exact = ReferenceDistances.of(DistanceMetric.euclidean(), q, vectorOf(n.id()));
            if (Math.abs(exact - n.distance()) > 1e-4 * Math.max(1, exact)) failures.add("distance of " + n + " should be " + exact);
            if (n.id() >= 1_000_000) failures.add("a far churn embedding " + n + " beat the core ones");
            previous = n;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
